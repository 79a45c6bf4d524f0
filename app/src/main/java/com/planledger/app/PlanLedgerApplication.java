package com.planledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * PlanLedger: the service behind a partner panel. Which stores it uses and which side(s) it runs are chosen by
 * configuration; see {@code application.yml} and the README.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlanLedgerApplication {

    public static void main(String[] args) {
        // Axon's start-up banner advertises its hosted console; this service never connects to it
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(PlanLedgerApplication.class, args);
    }
}
