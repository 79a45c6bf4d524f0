package com.planledger.app.config;

import com.planledger.domain.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rewrites the aggregate identifiers an earlier build stored ({@code partnerId:id}) into the form scoped by type
 * ({@code partnerId:plan:id}, {@code partnerId:customer:id}; ADR 4), in the embedded event store's events and
 * snapshots, before anything reads them. The aggregate type column tells a plan's rows from a customer's; an
 * identifier with a type segment is left alone, so the migration runs at every start and changes nothing the
 * second time. It is one transaction: a crash in the middle leaves every row as it was. Global positions, event
 * identifiers and payloads are untouched, so tokens, dead letters and read models stay valid.
 */
final class TypeScopedAggregateIds {

    private static final Logger log = LoggerFactory.getLogger(TypeScopedAggregateIds.class);
    /** An identifier with exactly one separator: partner and id, no type. */
    private static final String UNTYPED = "^([^:]+):([^:]+)$";

    private TypeScopedAggregateIds() {
    }

    /** Migrates the rows of {@code dataSource}'s event and snapshot tables; answers how many rows changed. */
    static int migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int changed = 0;
            try {
                for (String table : new String[] {"DomainEventEntry", "SnapshotEventEntry"}) {
                    changed += rewrite(connection, table, "Plan", Ids.PLAN_TYPE);
                    changed += rewrite(connection, table, "Customer", Ids.CUSTOMER_TYPE);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            if (changed > 0) {
                log.info("Event store: {} rows of events and snapshots moved to aggregate identifiers scoped by "
                        + "type", changed);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the event store's aggregate identifiers", e);
        }
    }

    private static int rewrite(Connection connection, String table, String aggregateType, String typeSegment)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET aggregateIdentifier = REGEXP_REPLACE(aggregateIdentifier, ?, ?)"
                + " WHERE type = ? AND REGEXP_LIKE(aggregateIdentifier, ?)")) {
            update.setString(1, UNTYPED);
            update.setString(2, "$1:" + typeSegment + ":$2");
            update.setString(3, aggregateType);
            update.setString(4, UNTYPED);
            return update.executeUpdate();
        }
    }
}
