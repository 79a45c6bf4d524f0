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
        try {
            SpringApplication.run(PlanLedgerApplication.class, args);
        } catch (Throwable startFailed) {
            // Spring Boot has logged why and closed the context; a thread some library started and left running
            // (Axon's janitor in a command-only instance) must not keep a process alive that serves nothing
            System.exit(1);
        }
    }
}
