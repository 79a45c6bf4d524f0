package com.planledger.app.web;

import com.planledger.domain.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticates every {@code /v1} request by its {@code Authorization: Bearer <api key>} and enforces the roles:
 * no or an unknown key is 401; another partner's data is 404 (its existence is never revealed); a write by an
 * AUDITOR and an admin operation by anyone but an ADMIN are 403.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Pattern PARTNER_PATH = Pattern.compile("^/v1/partners/([^/]+)(/.*)?$");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKeys apiKeys;
    private final ProblemWriter problems;

    public ApiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemWriter problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/v1") || path.startsWith("/v1/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> authenticated = apiKeys.authenticate(bearer(request));
        if (authenticated.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"planledger\"");
            problems.write(request, response, ErrorCode.UNAUTHENTICATED,
                    "send a valid API key as 'Authorization: Bearer <key>'");
            return;
        }
        Caller caller = authenticated.get();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/v1/admin")) {
            if (caller.role() != Caller.Role.ADMIN) {
                problems.write(request, response, ErrorCode.FORBIDDEN, "admin operations need an ADMIN key");
                return;
            }
        } else {
            Matcher partner = PARTNER_PATH.matcher(path);
            if (partner.matches() && !caller.canSee(partner.group(1))) {
                problems.write(request, response, ErrorCode.NOT_FOUND, "no such resource");
                return;
            }
        }
        if (!caller.mayWrite() && !READS.contains(request.getMethod())) {
            problems.write(request, response, ErrorCode.FORBIDDEN, "an AUDITOR key is read-only");
            return;
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
        MDC.put("actor", caller.actor());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("actor");
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    /** The caller of the current request, or {@code null} outside a request. */
    public static Caller callerOf(HttpServletRequest request) {
        return (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
    }
}
