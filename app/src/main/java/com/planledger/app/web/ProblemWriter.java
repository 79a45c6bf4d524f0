package com.planledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.planledger.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/** Writes problems from servlet filters, which run before (and outside) the controller advice. */
@Component
public class ProblemWriter {

    private final ObjectMapper objectMapper;

    public ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(request, response, code, detail, List.of());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail,
                      List<Problem.FieldError> errors) throws IOException {
        write(response, Problem.of(code, detail, errors, request.getRequestURI(), RequestIds.of(request)));
    }

    /** Writes {@code problem} as the answer, with its status. */
    public void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
