package com.planledger.query.admin;

import com.planledger.domain.query.AwaitReadModelsQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Answers {@link AwaitReadModelsQuery}: waits until every read model applied the written aggregate at its new
 * version. Decided per aggregate from the read models' own documents, so gaps in the global event order (left by
 * rolled-back appends) never delay the answer.
 */
@Component
public class ReadModelProgress {

    private final List<ReadModel> readModels;

    public ReadModelProgress(List<ReadModel> readModels) {
        this.readModels = readModels;
    }

    @QueryHandler
    public Boolean await(AwaitReadModelsQuery query) {
        long deadline = System.nanoTime() + query.timeoutMillis() * 1_000_000L;
        while (true) {
            if (readModels.stream().allMatch(r -> r.hasApplied(query.aggregateType(), query.aggregateId(),
                    query.sequence()))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }
}
