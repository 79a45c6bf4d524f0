package com.planledger.app.web;

import com.fasterxml.jackson.databind.Module;
import com.planledger.domain.json.DomainJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web layer's JSON speaks the published language too: amounts are decimal strings ({@code "499.00"}), never
 * numbers a client could round. (Spring Boot adds every {@link Module} bean to its mapper.)
 */
@Configuration(proxyBeanMethods = false)
public class WebJsonConfiguration {

    @Bean
    public Module planLedgerDecimals() {
        return DomainJson.decimalsAsStrings();
    }
}
