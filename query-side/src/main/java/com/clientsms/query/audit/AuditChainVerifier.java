package com.clientsms.query.audit;

import com.clientsms.query.audit.ChainVerification.BadEvent;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a practice's hash chain from the rows of the event store, in global index order, and walks it beside
 * the recorded chain. The first difference names the event:
 *
 * <ul>
 *   <li><b>altered</b>: the event is where the chain says, but its recomputed hash (or identifier) differs;
 *   <li><b>removed</b>: the chain has a link for an event that is no longer in the store;
 *   <li><b>inserted</b>: the store has an event of the practice, at or below the chain's position, that the chain
 *       never saw.
 * </ul>
 *
 * Both sides are read through database cursors, so checking millions of events needs little memory.
 */
@Component
public class AuditChainVerifier {

    private static final int FETCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public AuditChainVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    /** The practices that have a chain. */
    public List<String> practices() {
        return jdbc.queryForList("select distinct practice_id from audit_chain order by practice_id", String.class);
    }

    public ChainVerification verify(String practiceId) {
        // One transaction: PostgreSQL streams with a cursor only inside one, and both sides see one snapshot.
        return readOnly.execute(status -> walk(practiceId));
    }

    private ChainVerification walk(String practiceId) {
        List<Long> progress =
                jdbc.queryForList("select last_global_index from audit_chain_progress where id = 1", Long.class);
        long chainedUpTo = progress.isEmpty() ? 0 : progress.get(0);
        try (Stream<Link> recorded = jdbc.queryForStream(
                        "select global_index, event_identifier, hash from audit_chain where practice_id = ?"
                                + " order by position",
                        (rs, n) -> new Link(
                                rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("hash")),
                        practiceId);
                Stream<EventRow> stored = jdbc.queryForStream(
                        "select " + EventRow.COLUMNS + " from domainevententry where globalindex <= ?"
                                + " order by globalindex",
                        (rs, n) -> EventRow.read(rs),
                        chainedUpTo)) {
            Iterator<Link> links = recorded.iterator();
            Iterator<EventRow> events = stored.iterator();
            String previous = EventRow.GENESIS;
            long checked = 0;
            Link link = links.hasNext() ? links.next() : null;
            EventRow event = nextCandidate(events, practiceId, link);
            while (link != null || event != null) {
                if (event != null && (link == null || event.globalIndex() < link.globalIndex())) {
                    if (practiceId.equals(event.practiceId())) {
                        return bad(
                                practiceId,
                                checked,
                                chainedUpTo,
                                event.globalIndex(),
                                event.eventIdentifier(),
                                "inserted");
                    }
                    event = nextCandidate(events, practiceId, link);
                    continue;
                }
                if (event == null || link.globalIndex() < event.globalIndex()) {
                    return bad(practiceId, checked, chainedUpTo, link.globalIndex(), link.eventIdentifier(), "removed");
                }
                String recomputed = event.chain(previous);
                if (!event.eventIdentifier().equals(link.eventIdentifier()) || !recomputed.equals(link.hash())) {
                    return bad(
                            practiceId, checked, chainedUpTo, event.globalIndex(), event.eventIdentifier(), "altered");
                }
                previous = recomputed;
                checked++;
                link = links.hasNext() ? links.next() : null;
                event = nextCandidate(events, practiceId, link);
            }
            return new ChainVerification(practiceId, true, checked, chainedUpTo, null);
        }
    }

    /**
     * The next stored event that concerns this practice's chain: one of the practice's own, or whatever now sits where
     * the chain expects its next link (its payload may have been altered beyond recognition).
     */
    private static EventRow nextCandidate(Iterator<EventRow> events, String practiceId, Link expected) {
        while (events.hasNext()) {
            EventRow event = events.next();
            if ((expected != null && event.globalIndex() == expected.globalIndex())
                    || practiceId.equals(event.practiceId())) {
                return event;
            }
        }
        return null;
    }

    private static ChainVerification bad(
            String practiceId,
            long checked,
            long chainedUpTo,
            long globalIndex,
            String eventIdentifier,
            String problem) {
        return new ChainVerification(
                practiceId, false, checked, chainedUpTo, new BadEvent(globalIndex, eventIdentifier, problem));
    }

    private record Link(long globalIndex, String eventIdentifier, String hash) {}
}
