package com.planledger.app.web;

import com.planledger.app.config.PlanLedgerProperties;
import com.planledger.domain.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys the service accepts, from {@code planledger.security.api-keys}. No key is built in: when none is
 * configured, a random ADMIN key named {@code bootstrap-admin} is generated once and kept, readable by the owner
 * only, in {@code <data-dir>/admin-api-key}. Keys are held as SHA-256 digests and looked up by digest.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    static final String BOOTSTRAP_FILE = "admin-api-key";

    private final Map<String, Caller> byDigest = new HashMap<>();

    public ApiKeys(PlanLedgerProperties properties) {
        String configured = properties.getSecurity().getApiKeys();
        if (configured == null || configured.isBlank()) {
            String key = bootstrapKey(properties.getDataDir());
            byDigest.put(digest(key), new Caller("bootstrap-admin", Caller.Role.ADMIN, Caller.ANY_PARTNER));
            return;
        }
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":");
            if (parts.length < 3 || parts.length > 4) {
                throw new IllegalArgumentException(
                        "planledger.security.api-keys: expected name:key:ROLE[:partnerId], got an entry with "
                                + parts.length + " parts");
            }
            Caller.Role role = Caller.Role.valueOf(parts[2].strip().toUpperCase(Locale.ROOT));
            String partner = parts.length == 4 ? parts[3].strip() : null;
            if (role == Caller.Role.ADMIN) {
                partner = Caller.ANY_PARTNER;
            } else if (partner == null || !(Caller.ANY_PARTNER.equals(partner) && role == Caller.Role.AUDITOR)
                    && !Ids.isValid(partner)) {
                throw new IllegalArgumentException("planledger.security.api-keys: key '" + parts[0]
                        + "' with role " + role + " needs a partner id" + (role == Caller.Role.AUDITOR
                        ? " (or * for every partner)" : ""));
            }
            if (parts[1].length() < 16) {
                throw new IllegalArgumentException("planledger.security.api-keys: key '" + parts[0]
                        + "' is shorter than 16 characters");
            }
            byDigest.put(digest(parts[1].strip()), new Caller(parts[0].strip(), role, partner));
        }
        log.info("{} API key(s) configured", byDigest.size());
    }

    public Optional<Caller> authenticate(String key) {
        return key == null || key.isBlank() ? Optional.empty() : Optional.ofNullable(byDigest.get(digest(key)));
    }

    private static String bootstrapKey(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(BOOTSTRAP_FILE);
        try {
            if (Files.exists(file)) {
                log.info("No API keys configured: using the bootstrap ADMIN key kept in {}", file);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            log.warn("No API keys configured: generated a bootstrap ADMIN key in {} (configure "
                    + "planledger.security.api-keys for real use)", file);
            return key;
        } catch (FileAlreadyExistsException e) {
            return bootstrapKey(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the bootstrap API key in " + file, e);
        }
    }

    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
