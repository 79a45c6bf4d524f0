package com.planledger.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as problem+json, in place of Spring Boot's JSON error body:
 * a request that failed outside the handlers (in a filter, or refused by the container) still answers with the
 * same shape as every other refusal. Asked for directly, {@code /error} is a resource that does not exist (404).
 */
@RestController
public class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<Problem> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status instanceof Integer s && s >= 400 ? s : 404;
        String detail = code == 404 ? "no such resource" : code >= 500
                ? "an unexpected error occurred; quote request id " + RequestIds.of(request) + " when reporting it"
                : "the request was refused";
        Problem problem = Problem.forStatus(code, detail, uri instanceof String u ? u : request.getRequestURI(),
                RequestIds.of(request));
        return ResponseEntity.status(problem.status()).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(problem);
    }
}
