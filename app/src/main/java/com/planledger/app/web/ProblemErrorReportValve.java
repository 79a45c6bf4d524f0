package com.planledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Tomcat's own error answers (a URI it cannot decode, an encoded slash or NUL, a header or request line too
 * large) as problem+json instead of Tomcat's HTML page: they happen before any filter or handler runs. Installed
 * as the host's error report valve by {@link TomcatProblemConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status >= 500 ? "the server could not handle the request"
                : "the server refused the request before reading it (its URI, headers or size are not accepted)";
        Problem problem = Problem.forStatus(status, detail, null, null);
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            JSON.writeValue(out, problem);
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
