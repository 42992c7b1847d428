package com.clientsms.query.directory;

import com.clientsms.kernel.directory.ClientDeactivated;
import com.clientsms.kernel.directory.ClientMobileChanged;
import com.clientsms.kernel.directory.ClientOptedIn;
import com.clientsms.kernel.directory.ClientOptedOut;
import com.clientsms.kernel.directory.ClientReactivated;
import com.clientsms.kernel.directory.ClientRegistered;
import com.clientsms.kernel.directory.GroupCreated;
import com.clientsms.kernel.directory.GroupMemberAdded;
import com.clientsms.kernel.directory.GroupMemberRemoved;
import com.clientsms.kernel.directory.PractitionerLinked;
import com.clientsms.kernel.directory.PractitionerUnlinked;
import com.clientsms.kernel.directory.StaffMemberRegistered;
import com.clientsms.kernel.phone.PhoneNumber;
import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.query.FindClient;
import com.clientsms.kernel.query.FindClients;
import com.clientsms.kernel.query.FindGroups;
import com.clientsms.kernel.query.FindStaff;
import com.clientsms.kernel.query.GroupView;
import com.clientsms.kernel.query.StaffView;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The client, group and staff lists staff see. Every handler is one update that sets the state the event describes
 * ({@code $set}, {@code $addToSet}, {@code $pull}), so handling an event again leaves the documents as they were. Mobile
 * numbers are stored in E.164 and leave this class only masked.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class DirectoryProjection {

    public static final String PROCESSING_GROUP = "directory-view";
    static final String CLIENTS = "directory_clients";
    static final String GROUPS = "directory_groups";
    static final String STAFF = "directory_staff";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** Records whose registration has been handled; a change seen before it only creates a partial document. */
    private static final Bson REGISTERED = Filters.exists("name");

    private final MongoTemplate mongo;

    public DirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    private void createIndexes() {
        for (String collection : List.of(CLIENTS, GROUPS, STAFF)) {
            mongo.indexOps(collection)
                    .createIndex(new Index()
                            .on("practiceId", Sort.Direction.ASC)
                            .on("name", Sort.Direction.ASC)
                            .named("practice_by_name"));
        }
    }

    @EventHandler
    void on(ClientRegistered event) {
        upsert(
                CLIENTS,
                event.clientId(),
                Updates.set("practiceId", event.practiceId()),
                Updates.set("name", event.name()),
                Updates.set("mobile", event.mobile()),
                Updates.set("active", event.active()),
                Updates.set("practitionerIds", event.practitionerIds() == null ? List.of() : event.practitionerIds()),
                Updates.setOnInsert("optedOut", false));
    }

    @EventHandler
    void on(ClientMobileChanged event) {
        update(CLIENTS, event.clientId(), event.practiceId(), Updates.set("mobile", event.mobile()));
    }

    @EventHandler
    void on(ClientDeactivated event) {
        update(CLIENTS, event.clientId(), event.practiceId(), Updates.set("active", false));
    }

    @EventHandler
    void on(ClientReactivated event) {
        update(CLIENTS, event.clientId(), event.practiceId(), Updates.set("active", true));
    }

    @EventHandler
    void on(PractitionerLinked event) {
        update(
                CLIENTS,
                event.clientId(),
                event.practiceId(),
                Updates.addToSet("practitionerIds", event.practitionerId()));
    }

    @EventHandler
    void on(PractitionerUnlinked event) {
        update(CLIENTS, event.clientId(), event.practiceId(), Updates.pull("practitionerIds", event.practitionerId()));
    }

    @EventHandler
    void on(ClientOptedOut event) {
        update(CLIENTS, event.clientId(), event.practiceId(), Updates.set("optedOut", true));
    }

    @EventHandler
    void on(ClientOptedIn event) {
        update(CLIENTS, event.clientId(), event.practiceId(), Updates.set("optedOut", false));
    }

    @EventHandler
    void on(GroupCreated event) {
        upsert(
                GROUPS,
                event.groupId(),
                Updates.set("practiceId", event.practiceId()),
                Updates.set("name", event.name()),
                Updates.set("memberIds", event.memberIds() == null ? List.of() : event.memberIds()));
    }

    @EventHandler
    void on(GroupMemberAdded event) {
        update(GROUPS, event.groupId(), event.practiceId(), Updates.addToSet("memberIds", event.clientId()));
    }

    @EventHandler
    void on(GroupMemberRemoved event) {
        update(GROUPS, event.groupId(), event.practiceId(), Updates.pull("memberIds", event.clientId()));
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        upsert(
                STAFF,
                event.staffId(),
                Updates.set("practiceId", event.practiceId()),
                Updates.set("username", event.username()),
                Updates.set("name", event.displayName()),
                Updates.set("role", event.role().name()));
    }

    @ResetHandler
    void reset() {
        List.of(CLIENTS, GROUPS, STAFF).forEach(mongo::dropCollection);
        createIndexes();
    }

    @QueryHandler
    List<ClientView> handle(FindClients query) {
        Bson filter = query.practitionerId() == null
                ? Filters.eq("practiceId", query.practiceId())
                : Filters.and(
                        Filters.eq("practiceId", query.practiceId()),
                        Filters.eq("practitionerIds", query.practitionerId()));
        return list(CLIENTS, filter, DirectoryProjection::toClientView);
    }

    /** Empty when the client does not exist in that practice: other practices' clients do not exist for the caller. */
    @QueryHandler
    Optional<ClientView> handle(FindClient query) {
        Document client = collection(CLIENTS)
                .find(Filters.and(
                        Filters.eq("_id", query.clientId()), Filters.eq("practiceId", query.practiceId()), REGISTERED))
                .first();
        return Optional.ofNullable(client).map(DirectoryProjection::toClientView);
    }

    @QueryHandler
    List<GroupView> handle(FindGroups query) {
        return list(
                GROUPS,
                Filters.eq("practiceId", query.practiceId()),
                group -> new GroupView(
                        group.getString("_id"),
                        group.getString("name"),
                        List.copyOf(group.getList("memberIds", String.class, List.of()))));
    }

    @QueryHandler
    List<StaffView> handle(FindStaff query) {
        return list(
                STAFF,
                Filters.eq("practiceId", query.practiceId()),
                staff -> new StaffView(
                        staff.getString("_id"),
                        staff.getString("username"),
                        staff.getString("name"),
                        Role.valueOf(staff.getString("role"))));
    }

    private static ClientView toClientView(Document client) {
        String mobile = client.getString("mobile");
        return new ClientView(
                client.getString("_id"),
                client.getString("name"),
                client.getBoolean("active", false),
                mobile == null ? null : masked(mobile),
                mobile != null,
                client.getBoolean("optedOut", false),
                List.copyOf(client.getList("practitionerIds", String.class, List.of())));
    }

    /** Events only carry E.164 numbers; should one not be, it is still never shown in clear. */
    private static String masked(String mobile) {
        try {
            return new PhoneNumber(mobile).masked();
        } catch (RuleViolation notE164) {
            return PhoneNumber.mask(mobile);
        }
    }

    private <T> List<T> list(String collection, Bson filter, Function<Document, T> view) {
        List<T> views = new ArrayList<>();
        collection(collection)
                .find(Filters.and(filter, REGISTERED))
                .sort(Sorts.ascending("name", "_id"))
                .forEach(document -> views.add(view.apply(document)));
        return views;
    }

    private void upsert(String collection, String id, Bson... updates) {
        collection(collection).updateOne(Filters.eq("_id", id), Updates.combine(updates), UPSERT);
    }

    /**
     * Upserts rather than plain updates, so a change handled before its record's registration (events of another
     * aggregate, another segment) is not lost; the registration then fills in the rest.
     */
    private void update(String collection, String id, String practiceId, Bson update) {
        upsert(collection, id, Updates.set("practiceId", practiceId), update);
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }
}
