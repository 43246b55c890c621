package io.bouncesweeper.metrics;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code bounce-sweeper.health.*}: how long the readiness check waits for the IMAP servers (all
 * accounts are checked at once), kept below the probe's own timeout.
 */
@Validated
@ConfigurationProperties("bounce-sweeper.health")
public record HealthSettings(@NotNull @DefaultValue("5s") Duration imapTimeout) {
}
