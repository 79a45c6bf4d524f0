package com.planledger.app.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.planledger.command.lookup.LookupDurability;
import com.planledger.domain.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

/**
 * {@code Idempotency-Key} on POST and PUT: the first request with a key (per caller, method and path) runs and its
 * answer is kept for 24 hours; a repeat with the same body gets that answer again (marked
 * {@code Idempotent-Replayed: true}) and changes nothing; the same key with another body is 422; a repeat while the
 * first is still running is 409. Answers of 5xx are not kept, so the request can be retried.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "http_idempotency";
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration STALE_IN_PROGRESS = Duration.ofMinutes(2);
    private static final Set<String> METHODS = Set.of("POST", "PUT");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final MongoCollection<Document> records;
    private final ProblemWriter problems;
    private final LookupDurability durability;

    public IdempotencyFilter(MongoDatabase database, ProblemWriter problems,
                             ObjectProvider<LookupDurability> durability) {
        this.records = database.getCollection(COLLECTION);
        this.problems = problems;
        this.durability = durability.getIfAvailable(() -> LookupDurability.ACKNOWLEDGED);
        records.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, ErrorCode.VALIDATION_FAILED,
                    HEADER + ": must be 1 to 200 visible ASCII characters");
            return;
        }
        Caller caller = ApiKeyAuthenticationFilter.callerOf(request);
        String scope = (caller == null ? "-" : caller.name()) + " " + request.getMethod() + " "
                + request.getRequestURI() + " " + key;
        String id = sha256(scope.getBytes(StandardCharsets.UTF_8));
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String fingerprint = sha256((request.getQueryString() == null ? "" : request.getQueryString()).getBytes(
                StandardCharsets.UTF_8), cached.body());

        Instant now = Instant.now();
        Document claim = new Document("_id", id).append("fingerprint", fingerprint).append("state", "IN_PROGRESS")
                .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(KEEP)));
        if (!claim(claim, now)) {
            Document existing = records.find(eq("_id", id)).first();
            if (existing == null) {
                problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                        "a request with this " + HEADER + " is being handled; retry shortly");
            } else if (!fingerprint.equals(existing.getString("fingerprint"))) {
                problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "this " + HEADER + " was used for a request with another body");
            } else if (!"DONE".equals(existing.getString("state"))) {
                problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                        "a request with this " + HEADER + " is being handled; retry shortly");
            } else {
                replay(existing, response);
            }
            return;
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(cached, captured);
            if (captured.getStatus() < 500) {
                Document done = new Document("state", "DONE").append("status", captured.getStatus())
                        .append("body", new Binary(captured.getContentAsByteArray()))
                        .append("contentType", captured.getContentType())
                        .append("location", captured.getHeader("Location"));
                records.updateOne(eq("_id", id), new Document("$set", done));
                durability.flush();
                kept = true;
            }
        } finally {
            if (!kept) {
                records.deleteOne(eq("_id", id));
            }
            captured.copyBodyToResponse();
        }
    }

    /** Inserts the claim; a stale IN_PROGRESS claim (its request died) is taken over. */
    private boolean claim(Document claim, Instant now) {
        try {
            records.insertOne(claim);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        long replaced = records.replaceOne(and(eq("_id", claim.get("_id")), eq("state", "IN_PROGRESS"),
                lt("createdAt", Date.from(now.minus(STALE_IN_PROGRESS)))), claim).getModifiedCount();
        return replaced == 1;
    }

    private static void replay(Document record, HttpServletResponse response) throws IOException {
        response.setStatus(record.getInteger("status"));
        if (record.getString("contentType") != null) {
            response.setContentType(record.getString("contentType"));
        }
        if (record.getString("location") != null) {
            response.setHeader("Location", record.getString("location"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        Binary body = record.get("body", Binary.class);
        if (body != null) {
            response.getOutputStream().write(body.getData());
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
