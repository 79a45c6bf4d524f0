package com.planledger.app.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The sides this instance runs ({@code planledger.roles}). A query-only instance never scans the command side, so
 * it loads no aggregate and handles no command; a command-only instance never scans the query side, so it
 * registers no projection.
 */
public final class SideConfiguration {

    private SideConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${planledger.roles:command,query}'.toLowerCase().contains('command')")
    @ComponentScan("com.planledger.command")
    public static class CommandSide {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${planledger.roles:command,query}'.toLowerCase().contains('query')")
    @ComponentScan("com.planledger.query")
    public static class QuerySide {
    }
}
