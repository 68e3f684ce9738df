package dev.iplauction.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Every service that keeps secret files learns where from {@link SecretsSettings} ({@code secrets.dir}). */
@AutoConfiguration
@EnableConfigurationProperties(SecretsSettings.class)
public class SecretsAutoConfiguration {}
