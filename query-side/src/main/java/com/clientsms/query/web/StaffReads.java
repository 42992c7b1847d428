package com.clientsms.query.web;

import com.clientsms.kernel.query.AuditPage;
import com.clientsms.kernel.query.BroadcastOutcome;
import com.clientsms.kernel.query.BroadcastPage;
import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.query.GroupView;
import com.clientsms.kernel.query.StaffView;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.audit.ChainVerification;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a member of staff may read, for the web pages: the same controllers the API uses answer, so a page can never
 * show more than the API would to the same person (role checks, tenant, masking, paging limits).
 */
@Component
public class StaffReads {

    private final DirectoryController directory;
    private final ClientHistoryController history;
    private final BroadcastOutcomeController broadcasts;
    private final AuditController audit;
    private final AuditVerificationController verification;

    StaffReads(
            DirectoryController directory,
            ClientHistoryController history,
            BroadcastOutcomeController broadcasts,
            AuditController audit,
            AuditVerificationController verification) {
        this.directory = directory;
        this.history = history;
        this.broadcasts = broadcasts;
        this.audit = audit;
        this.verification = verification;
    }

    /** The clients the caller may see (practitioners: their linked clients). */
    public List<ClientView> clients(StaffRef caller) {
        return directory.clients(caller);
    }

    public ClientView client(StaffRef caller, String clientId) {
        return directory.client(caller, clientId);
    }

    /** The practice's groups; none for practitioners, who cannot send to groups. */
    public List<GroupView> groups(StaffRef caller) {
        return directory.groups(caller);
    }

    public List<StaffView> staff(StaffRef caller) {
        return directory.staff(caller);
    }

    public ClientHistoryPage history(StaffRef caller, String clientId, int page, int size) {
        return history.messages(caller, clientId, page, size);
    }

    public BroadcastPage broadcasts(StaffRef caller, int page, int size) {
        return broadcasts.broadcasts(caller, page, size);
    }

    public BroadcastOutcome broadcast(StaffRef caller, String broadcastId) {
        return broadcasts.broadcast(caller, broadcastId);
    }

    public AuditPage audit(StaffRef caller, AuditFilters filters, int page, int size) {
        return audit.entries(
                caller,
                filters.from(),
                filters.to(),
                filters.sender(),
                filters.clientId(),
                filters.audience(),
                filters.status(),
                page,
                size);
    }

    /** Streams the whole selection to the response as CSV or JSON, as the API's export does. */
    public void exportAudit(StaffRef caller, String format, AuditFilters filters, HttpServletResponse response)
            throws IOException {
        audit.export(
                caller,
                format,
                filters.from(),
                filters.to(),
                filters.sender(),
                filters.clientId(),
                filters.audience(),
                filters.status(),
                response);
    }

    public ChainVerification verifyAudit(StaffRef caller) {
        return verification.verify(caller);
    }

    /** The audit log's filters as the API takes them: ISO-8601 instants, a username, a client id, lower-case names. */
    public record AuditFilters(
            String from, String to, String sender, String clientId, String audience, String status) {}
}
