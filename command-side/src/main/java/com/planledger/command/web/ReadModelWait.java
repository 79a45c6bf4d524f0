package com.planledger.command.web;

import com.planledger.domain.query.AwaitReadModelsQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code ?consistency=wait}: after a write, wait until the read models applied it. Asks the query side over the
 * query bus, so it works whichever instance holds the read models; false on timeout or when no query side answers.
 */
@Component
public class ReadModelWait {

    private static final Logger log = LoggerFactory.getLogger(ReadModelWait.class);

    private final QueryGateway queries;
    private final Duration timeout;

    public ReadModelWait(QueryGateway queries, @Value("${planledger.consistency-wait:PT5S}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    /** Whether every read model applied {@code aggregateId} up to {@code version} within the configured wait. */
    public boolean await(AggregateKind kind, String aggregateId, long version) {
        try {
            Boolean caughtUp = queries.query(new AwaitReadModelsQuery(kind.aggregateType(), aggregateId, version,
                            timeout.toMillis()), Boolean.class)
                    .get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            return Boolean.TRUE.equals(caughtUp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.debug("read models did not confirm the write: {}", e.toString());
            return false;
        }
    }
}
