package com.clientsms.app.ops.cluster;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's event store that an append failed on a unique key (PostgreSQL SQLState 23505), so that a second append
 * at the same aggregate sequence number becomes Axon's {@code ConcurrencyException}, which the command gateway
 * retries. Axon's default resolver looks for vendor error codes, which PostgreSQL does not use, and would report the
 * lost race as a generic storage failure (a 500 to the caller).
 */
final class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
