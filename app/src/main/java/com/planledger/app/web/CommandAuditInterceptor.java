package com.planledger.app.web;

import com.planledger.domain.audit.AuditMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts who sent a command, and from which request, into its metadata: the authenticated caller and the request id
 * of the HTTP request being served, or {@code system} when the service acts on its own (time-based transitions,
 * policies). The correlation data providers copy both onto every event the command causes.
 */
@Component
public class CommandAuditInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            MetaData metaData = command.getMetaData();
            if (metaData.containsKey(AuditMetadata.ACTOR)) {
                return command;
            }
            Map<String, Object> audit = new HashMap<>();
            RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
            if (attributes instanceof ServletRequestAttributes servlet) {
                HttpServletRequest request = servlet.getRequest();
                Caller caller = ApiKeyAuthenticationFilter.callerOf(request);
                audit.put(AuditMetadata.ACTOR, caller == null ? AuditMetadata.SYSTEM : caller.actor());
                String requestId = RequestIds.of(request);
                if (requestId != null) {
                    audit.put(AuditMetadata.REQUEST_ID, requestId);
                }
            } else {
                audit.put(AuditMetadata.ACTOR, AuditMetadata.SYSTEM);
            }
            return command.andMetaData(audit);
        };
    }
}
