package com.planledger.app;

import com.planledger.app.config.PlanLedgerProperties;
import io.axoniq.axonserver.grpc.command.Command;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The command bus in the shape of two instances behind Axon Server, without a server: each command and its result
 * cross the connector's own {@link CommandSerializer} both ways, as Axon Server's command bus sends them between
 * the sending and the handling instance, so only what the wire carries (payload, metadata, an error code, the
 * error's messages and its details) reaches the sender. The handling side is the service's local segment.
 */
public class WireShapedCommandBus implements CommandBus {

    private final SimpleCommandBus localSegment;
    private final CommandSerializer wire;
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new ArrayList<>();

    public WireShapedCommandBus(SimpleCommandBus localSegment, Serializer serializer) {
        this.localSegment = localSegment;
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setClientId("handling-instance");
        configuration.setComponentName("planledger");
        this.wire = new CommandSerializer(serializer, configuration);
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        CommandMessage<C> intercepted = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            intercepted = (CommandMessage<C>) interceptor.handle(intercepted);
        }
        CommandMessage<C> sent = intercepted;
        Command onTheWire = wire.serialize(sent, "routing-key", 0);
        CommandMessage<Object> received = (CommandMessage<Object>) wire.deserialize(onTheWire);
        localSegment.dispatch(received, (handled, result) -> {
            CommandResultMessage<R> answer = wire.deserialize(wire.serialize(result, onTheWire.getMessageIdentifier()));
            callback.onResult(sent, answer);
        });
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return localSegment.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return localSegment.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        dispatchInterceptors.add(dispatchInterceptor);
        return () -> dispatchInterceptors.remove(dispatchInterceptor);
    }

    /** Makes the wire-shaped bus the service's command bus, in front of its local segment. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        public CommandBus wireShapedCommandBus(@Qualifier("localSegment") SimpleCommandBus localSegment,
                                               Serializer serializer) {
            return new WireShapedCommandBus(localSegment, serializer);
        }

        /**
         * A data directory of its own: this context lives beside the other end-to-end tests' one (Spring caches
         * both), and two embedded stores cannot open one directory.
         */
        @Bean
        public static BeanPostProcessor ownDataDirectory() {
            Path dir = Path.of("target", "e2e-data", "wire-shaped-" + UUID.randomUUID());
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof PlanLedgerProperties properties) {
                        properties.setDataDir(dir);
                    }
                    return bean;
                }
            };
        }
    }
}
