package com.clientsms.kernel.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Broadcasts are stored as JSON (axon.serializer.events=jackson); revision 1 had no recipients. */
class BroadcastRequestedSerializationTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(json).build();

    private static BroadcastRequested broadcast() {
        return new BroadcastRequested(
                "b-1",
                "p-1",
                new StaffRef("s-1", "admin", "Ada Admin", Role.ADMIN, "p-1"),
                Audience.ALL,
                null,
                null,
                "Closed on Monday",
                16,
                SmsEncoding.GSM_7,
                1,
                2,
                List.of(new SkippedRecipient("c-3", "Cat", SkipReason.NO_MOBILE)),
                List.of(
                        new BroadcastRecipient("c-1", "Ann", "+61400000001"),
                        new BroadcastRecipient("c-2", "Ben", "+61400000002")),
                Instant.parse("2026-12-04T09:00:00Z"));
    }

    @Test
    void theAudienceSurvivesTheEventStore() {
        SerializedObject<byte[]> stored = serializer.serialize(broadcast(), byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(broadcast());
    }

    @Test
    void aRevisionOneBroadcastReadsBackWithNoRecipientsSoNothingFansItOutAgain() throws Exception {
        ObjectNode revisionOne = json.valueToTree(broadcast());
        revisionOne.remove("recipients");
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                json.writeValueAsBytes(revisionOne), byte[].class, BroadcastRequested.class.getName(), "1");

        BroadcastRequested read = serializer.deserialize(stored);

        assertThat(read.recipients()).isEmpty();
        assertThat(read.targeted()).isEqualTo(2);
        assertThat(read.skipped()).extracting(SkippedRecipient::clientId).containsExactly("c-3");
    }
}
