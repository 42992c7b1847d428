package com.clientsms.query.directory;

import static com.clientsms.query.support.Events.OTHER_PRACTICE;
import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.client;
import static com.clientsms.query.support.Events.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.directory.ClientDeactivated;
import com.clientsms.kernel.directory.ClientMobileChanged;
import com.clientsms.kernel.directory.ClientOptedIn;
import com.clientsms.kernel.directory.ClientOptedOut;
import com.clientsms.kernel.directory.ClientReactivated;
import com.clientsms.kernel.directory.GroupCreated;
import com.clientsms.kernel.directory.GroupMemberAdded;
import com.clientsms.kernel.directory.GroupMemberRemoved;
import com.clientsms.kernel.directory.PractitionerLinked;
import com.clientsms.kernel.directory.PractitionerUnlinked;
import com.clientsms.kernel.phone.PhoneNumber;
import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.query.FindClient;
import com.clientsms.kernel.query.FindClients;
import com.clientsms.kernel.query.FindGroups;
import com.clientsms.kernel.query.FindStaff;
import com.clientsms.kernel.query.GroupView;
import com.clientsms.kernel.query.StaffView;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The directory projection's behaviour, run against each MongoDB the product supports. */
abstract class DirectoryProjectionContract {

    private static final String MOBILE = "+61412345678";
    private static final StaffRef BY = StaffRef.system(PRACTICE);

    private MongoTemplate mongo;
    private DirectoryProjection projection;

    abstract MongoTemplate freshDatabase();

    @BeforeEach
    void setUp() {
        mongo = freshDatabase();
        projection = new DirectoryProjection(mongo);
    }

    @Test
    void clientsAreListedByNameWithTheirMobileMasked() {
        projection.on(client("c2", PRACTICE, "Zoe Zed", MOBILE, "pat"));
        projection.on(client("c1", PRACTICE, "Adam Ant", null));

        List<ClientView> clients = projection.handle(new FindClients(PRACTICE, null));

        assertThat(clients).extracting(ClientView::name).containsExactly("Adam Ant", "Zoe Zed");
        ClientView zoe = clients.get(1);
        assertThat(zoe.mobile()).isEqualTo(new PhoneNumber(MOBILE).masked()).doesNotContain("412345");
        assertThat(zoe.hasMobile()).isTrue();
        assertThat(zoe.active()).isTrue();
        assertThat(zoe.optedOut()).isFalse();
        assertThat(zoe.practitioners()).containsExactly("pat");
        assertThat(clients.get(0).mobile()).isNull();
        assertThat(clients.get(0).hasMobile()).isFalse();
    }

    @Test
    void aPractitionersListHoldsOnlyTheClientsLinkedToThem() {
        projection.on(client("c1", PRACTICE, "Linked", MOBILE, "pat", "sam"));
        projection.on(client("c2", PRACTICE, "Not linked", MOBILE, "sam"));

        assertThat(projection.handle(new FindClients(PRACTICE, "pat")))
                .extracting(ClientView::id)
                .containsExactly("c1");
    }

    @Test
    void anotherPracticesClientsAreNeitherListedNorFound() {
        projection.on(client("c1", PRACTICE, "Ours", MOBILE));
        projection.on(client("c9", OTHER_PRACTICE, "Theirs", MOBILE));

        assertThat(projection.handle(new FindClients(PRACTICE, null)))
                .extracting(ClientView::id)
                .containsExactly("c1");
        assertThat(projection.handle(new FindClient(PRACTICE, "c9"))).isEmpty();
        assertThat(projection.handle(new FindClient(OTHER_PRACTICE, "c9"))).isPresent();
    }

    @Test
    void clientChangesShowInTheirRecord() {
        projection.on(client("c1", PRACTICE, "Casey", MOBILE, "pat"));
        projection.on(new ClientMobileChanged("c1", PRACTICE, "+61498765432", BY, T0));
        projection.on(new PractitionerLinked("c1", PRACTICE, "sam", BY, T0));
        projection.on(new PractitionerUnlinked("c1", PRACTICE, "pat", BY, T0));
        projection.on(new ClientDeactivated("c1", PRACTICE, BY, T0));
        projection.on(new ClientOptedOut("c1", PRACTICE, "21610", "m1", T0));

        ClientView client = projection.handle(new FindClient(PRACTICE, "c1")).orElseThrow();

        assertThat(client.mobile()).isEqualTo(new PhoneNumber("+61498765432").masked());
        assertThat(client.practitioners()).containsExactly("sam");
        assertThat(client.active()).isFalse();
        assertThat(client.optedOut()).isTrue();
    }

    @Test
    void reactivatedAndOptedInClientCanBeMessagedAgain() {
        projection.on(client("c1", PRACTICE, "Casey", MOBILE));
        projection.on(new ClientDeactivated("c1", PRACTICE, BY, T0));
        projection.on(new ClientOptedOut("c1", PRACTICE, "21610", "m1", T0));
        projection.on(new ClientReactivated("c1", PRACTICE, BY, T0));
        projection.on(new ClientOptedIn("c1", PRACTICE, BY, T0));

        ClientView client = projection.handle(new FindClient(PRACTICE, "c1")).orElseThrow();

        assertThat(client.active()).isTrue();
        assertThat(client.optedOut()).isFalse();
    }

    @Test
    void removingTheMobileLeavesAClientWithoutOne() {
        projection.on(client("c1", PRACTICE, "Casey", MOBILE));
        projection.on(new ClientMobileChanged("c1", PRACTICE, null, BY, T0));

        ClientView client = projection.handle(new FindClient(PRACTICE, "c1")).orElseThrow();

        assertThat(client.hasMobile()).isFalse();
        assertThat(client.mobile()).isNull();
    }

    @Test
    void groupsListTheirMembers() {
        projection.on(new GroupCreated("g1", PRACTICE, "Tuesday group", List.of("c1", "c2"), BY, T0));
        projection.on(new GroupMemberAdded("g1", PRACTICE, "c3", BY, T0));
        projection.on(new GroupMemberRemoved("g1", PRACTICE, "c1", BY, T0));
        projection.on(new GroupCreated("g9", OTHER_PRACTICE, "Theirs", List.of(), BY, T0));

        assertThat(projection.handle(new FindGroups(PRACTICE)))
                .containsExactly(new GroupView("g1", "Tuesday group", List.of("c2", "c3")));
    }

    @Test
    void staffListShowsThePracticesStaffWithTheirRoles() {
        projection.on(staff("s1", PRACTICE, "pat", Role.PRACTITIONER));
        projection.on(staff("s2", PRACTICE, "alice", Role.ADMIN));
        projection.on(staff("s9", OTHER_PRACTICE, "mallory", Role.SUPERUSER));

        assertThat(projection.handle(new FindStaff(PRACTICE)))
                .containsExactly(
                        new StaffView("s2", "alice", "alice Name", Role.ADMIN),
                        new StaffView("s1", "pat", "pat Name", Role.PRACTITIONER));
    }

    @Test
    void aChangeHandledBeforeTheRegistrationIsKept() {
        projection.on(new ClientOptedOut("c1", PRACTICE, "21610", "m1", T0));

        assertThat(projection.handle(new FindClients(PRACTICE, null))).isEmpty();

        projection.on(client("c1", PRACTICE, "Casey", MOBILE));
        assertThat(projection
                        .handle(new FindClient(PRACTICE, "c1"))
                        .orElseThrow()
                        .optedOut())
                .isTrue();
    }

    @Test
    void replayingEveryEventAgainLeavesIdenticalDocuments() {
        Runnable all = () -> {
            projection.on(client("c1", PRACTICE, "Casey", MOBILE, "pat"));
            projection.on(new PractitionerLinked("c1", PRACTICE, "sam", BY, T0));
            projection.on(new ClientOptedOut("c1", PRACTICE, "21610", "m1", T0));
            projection.on(new GroupCreated("g1", PRACTICE, "Tuesday group", List.of("c1"), BY, T0));
            projection.on(new GroupMemberAdded("g1", PRACTICE, "c2", BY, T0));
            projection.on(staff("s1", PRACTICE, "pat", Role.PRACTITIONER));
        };
        all.run();
        List<Document> once = everything();

        all.run();

        assertThat(everything()).isEqualTo(once);
    }

    @Test
    void resetEmptiesEveryList() {
        projection.on(client("c1", PRACTICE, "Casey", MOBILE));
        projection.on(new GroupCreated("g1", PRACTICE, "Tuesday group", List.of("c1"), BY, T0));
        projection.on(staff("s1", PRACTICE, "pat", Role.PRACTITIONER));

        projection.reset();

        assertThat(projection.handle(new FindClients(PRACTICE, null))).isEmpty();
        assertThat(projection.handle(new FindGroups(PRACTICE))).isEmpty();
        assertThat(projection.handle(new FindStaff(PRACTICE))).isEmpty();
    }

    private List<Document> everything() {
        List<Document> documents = new ArrayList<>();
        for (String collection :
                List.of(DirectoryProjection.CLIENTS, DirectoryProjection.GROUPS, DirectoryProjection.STAFF)) {
            mongo.getCollection(collection).find().forEach(documents::add);
        }
        return documents;
    }
}
