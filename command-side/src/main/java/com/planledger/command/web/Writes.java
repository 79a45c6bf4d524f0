package com.planledger.command.web;

import com.planledger.domain.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/**
 * What writes answer: 201 with {@code Location} for creates, 200 otherwise; with {@code ?consistency=wait}, only
 * once the read models applied the write, or 202 when they did not within the wait.
 */
@Component
public class Writes {

    public static final String WAIT = "wait";

    private final ReadModelWait readModels;

    public Writes(ReadModelWait readModels) {
        this.readModels = readModels;
    }

    /** A create: 201 (or 202 when the read models did not apply it within the wait). */
    public <T> ResponseEntity<T> created(String consistency, Written written, String location, T body) {
        HttpStatus status = waited(consistency, written) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        URI uri = ServletUriComponentsBuilder.fromCurrentContextPath().path(location).build().toUri();
        return ResponseEntity.status(status).location(uri).body(body);
    }

    /** Any other write: 200 (or 202 when the read models did not apply it within the wait). */
    public <T> ResponseEntity<T> ok(String consistency, Written written, T body) {
        return ResponseEntity.status(waited(consistency, written) ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
    }

    /** Refuses an unknown consistency value before anything is sent. */
    public static void checkConsistency(String consistency) {
        if (consistency != null && !consistency.isBlank() && !WAIT.equals(consistency)) {
            throw DomainException.invalid("consistency", "must be 'wait' or absent");
        }
    }

    private boolean waited(String consistency, Written written) {
        checkConsistency(consistency);
        if (consistency == null || consistency.isBlank()) {
            return true;
        }
        return readModels.await(written.kind(), written.aggregateId(), written.version());
    }

    /** What a write stored: the aggregate and its version after the write. */
    public record Written(AggregateKind kind, String aggregateId, long version) {
    }

    /** The expected aggregate version of an {@code If-Match} header ({@code 3} or {@code "3"}), or null. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("If-Match", "must be an aggregate version (a whole number >= 0)");
        }
    }
}
