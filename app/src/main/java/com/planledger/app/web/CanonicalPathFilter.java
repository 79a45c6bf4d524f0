package com.planledger.app.web;

import com.planledger.domain.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Lets through only paths made of plain segments (letters, digits, '.', '_', '-'; no segment starting with '.'),
 * which is every path of the API, its docs and the actuator. Spring MVC matches a path after dropping matrix
 * parameters ({@code ;x=1}) and decoding escapes ({@code %70}), so a disguised path could reach a handler while
 * reading differently to the filters that authorise by path ({@link ApiKeyAuthenticationFilter}) or key by it
 * ({@link IdempotencyFilter}). Refusing such paths first makes the path those filters see the one the handler
 * gets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class CanonicalPathFilter extends OncePerRequestFilter {

    private static final Pattern CANONICAL = Pattern.compile("/|(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+/?");

    private final ProblemWriter problems;

    public CanonicalPathFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!CANONICAL.matcher(path).matches()) {
            problems.write(request, response, ErrorCode.MALFORMED_REQUEST, "the path must be plain segments of "
                    + "letters, digits, '.', '_' or '-' (no escapes, parameters, empty or dot segments)");
            return;
        }
        chain.doFilter(request, response);
    }
}
