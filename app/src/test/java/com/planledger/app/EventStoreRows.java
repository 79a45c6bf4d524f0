package com.planledger.app;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the embedded event store holds, read straight from its tables (for tests that check storage itself). */
final class EventStoreRows {

    private EventStoreRows() {
    }

    /** The sequence number of the latest snapshot of {@code aggregate}, 0 when it has none. */
    static long snapshotSequence(DataSource eventStore, String aggregate) throws SQLException {
        return single(eventStore,
                "SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", aggregate);
    }

    /** How many events the aggregates of {@code partnerId} have stored. */
    static long partnerEvents(DataSource eventStore, String partnerId) throws SQLException {
        return single(eventStore, "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier LIKE ?",
                partnerId + ":%");
    }

    private static long single(DataSource eventStore, String sql, String parameter) throws SQLException {
        try (Connection connection = eventStore.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
