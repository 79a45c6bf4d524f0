package com.planledger.query.web;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends queries over the query bus and waits for the answer; a refusal keeps its domain code. */
@Component
public class Queries {

    private final QueryGateway gateway;
    private final Duration timeout;

    public Queries(QueryGateway gateway, @Value("${planledger.query-timeout:PT30S}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    public <R> R ask(Object query, Class<R> type) {
        return ask(query, org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf(type));
    }

    public <R> R ask(Object query, ResponseType<R> type) {
        try {
            return gateway.query(query, type).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        } catch (TimeoutException e) {
            throw new DomainException(ErrorCode.TIMEOUT, "the query did not complete in time");
        } catch (ExecutionException e) {
            DomainException.findIn(e.getCause()).ifPresent(refusal -> {
                throw refusal;
            });
            for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.axonframework.queryhandling.NoHandlerForQueryException) {
                    throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                            "no query-side instance is available to answer");
                }
            }
            throw new IllegalStateException("query failed", e.getCause());
        }
    }
}
