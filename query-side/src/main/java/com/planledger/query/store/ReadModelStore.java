package com.planledger.query.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.planledger.domain.DomainException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.query.PageRequest;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

/**
 * The read models' access to MongoDB, with the two idempotency guards every projection uses:
 * <ul>
 *   <li>{@link #fold}: a document per aggregate records the last aggregate sequence it applied; an event at or
 *   below it is ignored.</li>
 *   <li>{@link #guardedUpdate}: a document fed by many aggregates (a partner's counters) remembers the ids of the
 *   last events it applied; an update from one of them is ignored.</li>
 * </ul>
 * Either way a replay or a redelivery never counts anything twice. Documents are the read model's Java records
 * written with the published-language JSON mapper (decimals as strings, instants as ISO strings).
 * <p>
 * Collections are named logically ({@code customers}); each read model's collections live in one generation at a
 * time, and {@link #collection} answers the live generation's ({@code customers}, then {@code customers__g1}, ...),
 * as recorded in {@value #GENERATIONS} and re-read at most every {@link #GENERATIONS_REFRESH_NANOS} ns. A thread
 * bound to a rebuild ({@link #bindToRebuild}) reads and writes the rebuild's generation instead: that is how a
 * replay builds the next generation with the projection's own handlers while the live one serves.
 */
@Component
public class ReadModelStore {

    public static final String SEQ = "_seq";
    public static final String APPLIED = "_applied";
    /** How many applied event ids a shared document remembers: well above a processor's batch size. */
    public static final int REMEMBERED = 512;
    /** The longest search text ({@code q}) a list accepts. */
    public static final int MAX_SEARCH_TEXT = 200;

    /** Which generation of its collections each read model serves: {@code {_id: name, collections: {...}}}. */
    public static final String GENERATIONS = "readmodel_generations";
    private static final long GENERATIONS_REFRESH_NANOS = 1_000_000_000L;
    private static final ThreadLocal<Map<String, String>> REBUILDING = new ThreadLocal<>();

    private final MongoDatabase database;
    private final ObjectMapper mapper = DomainJson.newMapper();
    /** Logical to physical collection names of the live generations other than the first. */
    private volatile Map<String, String> live = Map.of();
    private volatile long refreshAt = Long.MIN_VALUE;

    public ReadModelStore(MongoDatabase database) {
        this.database = database;
    }

    /** The collection {@code name} of the live generation, or of the rebuild this thread is bound to. */
    public MongoCollection<Document> collection(String name) {
        return database.getCollection(physicalName(name));
    }

    /** The stored name of the logical collection {@code name}, as {@link #collection} resolves it. */
    public String physicalName(String name) {
        Map<String, String> rebuilding = REBUILDING.get();
        if (rebuilding != null) {
            String target = rebuilding.get(name);
            if (target != null) {
                return target;
            }
        }
        if (refreshAt == Long.MIN_VALUE || System.nanoTime() - refreshAt > GENERATIONS_REFRESH_NANOS) {
            refreshGenerations();
        }
        return live.getOrDefault(name, name);
    }

    /** The stored name of the logical collection {@code name} in generation {@code generation}. */
    public static String generationName(String name, int generation) {
        return generation == 0 ? name : name + "__g" + generation;
    }

    /** The generation read model {@code readModel} serves (0 until its first replay). */
    public int generation(String readModel) {
        Document doc = database.getCollection(GENERATIONS).find(eq("_id", readModel)).first();
        return doc == null ? 0 : doc.getInteger("generation", 0);
    }

    /**
     * Makes generation {@code generation} of {@code collections} the one read model {@code readModel} serves:
     * one document written, and this instance's names switched at once (other instances within a second).
     */
    public void switchGeneration(String readModel, int generation, List<String> collections) {
        Document names = new Document();
        collections.forEach(name -> names.append(name, generationName(name, generation)));
        database.getCollection(GENERATIONS).replaceOne(eq("_id", readModel),
                new Document("_id", readModel).append("generation", generation).append("collections", names),
                new ReplaceOptions().upsert(true));
        refreshGenerations();
    }

    private synchronized void refreshGenerations() {
        Map<String, String> names = new java.util.HashMap<>();
        for (Document doc : database.getCollection(GENERATIONS).find()) {
            Document collections = doc.get("collections", Document.class);
            if (collections != null) {
                collections.forEach((logical, physical) -> names.put(logical, String.valueOf(physical)));
            }
        }
        live = Map.copyOf(names);
        refreshAt = System.nanoTime();
    }

    /**
     * Binds the calling thread to a rebuild: from now on its {@link #collection} calls for the logical names in
     * {@code target} answer the target's collections. For the rebuild's own threads, for their whole life.
     */
    public static void bindToRebuild(Map<String, String> target) {
        REBUILDING.set(Map.copyOf(target));
    }

    /** Runs {@code work} bound to the rebuild {@code target}, then unbinds. */
    public static void inRebuild(Map<String, String> target, Runnable work) {
        Map<String, String> before = REBUILDING.get();
        REBUILDING.set(Map.copyOf(target));
        try {
            work.run();
        } finally {
            if (before == null) {
                REBUILDING.remove();
            } else {
                REBUILDING.set(before);
            }
        }
    }

    public Document toDocument(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = mapper.convertValue(value, Map.class);
        return new Document(map);
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        return mapper.convertValue(document, type);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Applies an aggregate's event at {@code sequence} to the document {@code id} of {@code collection}, unless
     * the document already applied it. {@code apply} gets the current state (null before the first event) and
     * answers the new state; {@code extra} adds query fields to the stored document.
     *
     * @return the state before and after, or null when the event was already applied
     */
    public <T> Folded<T> fold(String collection, String id, long sequence, Class<T> type, Function<T, T> apply,
                              Function<T, Document> extra) {
        return fold(collection, id, sequence, type, apply, extra, null);
    }

    /**
     * As {@link #fold(String, String, long, Class, Function, Function)}, and runs {@code beforeWrite} with the
     * state before (a copy the fold did not touch) and after, ahead of writing the document: a side effect
     * guarded by global position (counters) goes there, so a redelivery after a crash between the two finds the
     * document still unapplied and re-runs only what is missing.
     */
    public <T> Folded<T> fold(String collection, String id, long sequence, Class<T> type, Function<T, T> apply,
                              Function<T, Document> extra, java.util.function.BiConsumer<T, T> beforeWrite) {
        MongoCollection<Document> docs = collection(collection);
        Document current = docs.find(eq("_id", id)).first();
        if (current != null && current.get(SEQ, Number.class).longValue() >= sequence) {
            return null;
        }
        T before = current == null ? null : fromDocument(current, type);
        T working = current == null || beforeWrite == null ? before : fromDocument(current, type);
        T after = apply.apply(working);
        if (after == null) {
            return null;
        }
        if (beforeWrite != null) {
            beforeWrite.accept(before, after);
        }
        Document next = toDocument(after).append("_id", id).append(SEQ, sequence);
        if (extra != null) {
            next.putAll(extra.apply(after));
        }
        docs.replaceOne(eq("_id", id), next, new ReplaceOptions().upsert(true));
        return new Folded<>(before, after);
    }

    /** Whether the document {@code id} has applied its aggregate's events up to {@code sequence}. */
    public boolean hasApplied(String collection, String id, long sequence) {
        Document doc = collection(collection).find(eq("_id", id)).projection(new Document(SEQ, 1)).first();
        return doc != null && doc.get(SEQ, Number.class).longValue() >= sequence;
    }

    /** The state of the document {@code id}, or null. */
    public <T> T find(String collection, String id, Class<T> type) {
        Document doc = collection(collection).find(eq("_id", id)).first();
        return doc == null ? null : fromDocument(doc, type);
    }

    /**
     * Applies {@code update} to the document {@code id} (creating it) unless that document already applied the
     * event {@code eventId}. The document remembers the ids of the last {@link #REMEMBERED} events it applied; the
     * check, the update and the remembering are one atomic update of one document. This is exact whatever order
     * events of different aggregates arrive in (a JDBC event store can deliver a later global position before an
     * earlier one that commits late), and a redelivery after a crash is at most one batch of events.
     */
    public void guardedUpdate(String collection, String id, String eventId, Bson update) {
        Bson guarded = Updates.combine(update, Updates.pushEach(APPLIED, List.of(eventId),
                new PushOptions().slice(-REMEMBERED)));
        try {
            // matches the document unless it applied the event, or creates it; a document that applied it does
            // not match, and the upsert then collides with its _id
            collection(collection).updateOne(and(eq("_id", id), ne(APPLIED, eventId)), guarded,
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * One page of the documents of {@code collection} matching {@code filter}, in {@code sort} order (which ends
     * with a unique field, so pages never overlap), read as {@code type}.
     */
    public <T> List<T> page(String collection, Bson filter, Bson sort, PageRequest page, Class<T> type) {
        List<T> items = new ArrayList<>();
        collection(collection).find(filter).sort(sort)
                .skip(page.offset()).limit(page.size())
                .forEach(doc -> items.add(fromDocument(doc, type)));
        return items;
    }

    /** The sort a page request asks for, on the stored field {@code field}, ties broken by {@code _id}. */
    public static Bson sort(PageRequest page, String field) {
        return page.ascending() ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
    }

    /** Matches documents where any of the lower-cased {@code keyFields} contains {@code text}, case-insensitively. */
    public static Bson containing(String text, String... keyFields) {
        if (text.length() > MAX_SEARCH_TEXT) {
            throw DomainException.invalid("q", "must be at most " + MAX_SEARCH_TEXT + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
            throw DomainException.invalid("q", "must not contain control characters");
        }
        Pattern contains = Pattern.compile(Pattern.quote(text.strip().toLowerCase(Locale.ROOT)));
        return or(Arrays.stream(keyFields).map(field -> regex(field, contains)).toList());
    }

    /** Drops the stored collections {@code physicalNames} as they are named in the database. */
    public void dropStored(java.util.Collection<String> physicalNames) {
        java.util.Set<String> existing = new java.util.HashSet<>();
        database.listCollectionNames().forEach(existing::add);
        physicalNames.stream().filter(existing::contains).forEach(name -> database.getCollection(name).drop());
    }

    /** Drops the collections {@code collections} (logical names) of the live generation or of the bound rebuild. */
    public void drop(String... collections) {
        dropStored(Arrays.stream(collections).map(this::physicalName).toList());
    }

    /** A fold's result: the state before (null for the first event) and after. */
    public record Folded<T>(T before, T after) {
    }
}
