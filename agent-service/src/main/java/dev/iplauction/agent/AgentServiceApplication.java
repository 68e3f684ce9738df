package dev.iplauction.agent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** AI franchises: one Chromium per instance, one browser context per seat, bidding by clicking the auction room. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AgentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentServiceApplication.class, args);
    }
}
