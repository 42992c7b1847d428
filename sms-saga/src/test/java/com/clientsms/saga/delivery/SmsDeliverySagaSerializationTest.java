package com.clientsms.saga.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.saga.gateway.SendOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Sagas are stored with Axon's JacksonSerializer (axon.serializer.general=jackson). */
class SmsDeliverySagaSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void sagaSurvivesAJsonRoundTripWithItsIdsAndAttemptCount() {
        SmsDeliverySaga saga = startedSaga();

        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        SmsDeliverySaga restored = serializer.deserialize(stored);

        assertThat(restored)
                .usingRecursiveComparison()
                .ignoringFields("smsGateway", "commandGateway")
                .isEqualTo(saga);
        assertThat(ReflectionTestUtils.getField(restored, "attempts")).isEqualTo(1);
        assertThat(ReflectionTestUtils.getField(restored, "clientId")).isEqualTo("client-1");
    }

    @Test
    void storedSagaHoldsOnlyIdsAndTheAttemptCount() {
        String json =
                new String(serializer.serialize(startedSaga(), byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo(
                        "{\"messageId\":\"msg-1\",\"practiceId\":\"practice-1\",\"clientId\":\"client-1\",\"attempts\":1}");
    }

    private static SmsDeliverySaga startedSaga() {
        SmsDeliverySaga saga = new SmsDeliverySaga();
        ReflectionTestUtils.setField(
                saga, "smsGateway", new ScriptedSmsGateway(new SendOutcome.Accepted("SM1", Instant.EPOCH)));
        ReflectionTestUtils.setField(
                saga,
                "commandGateway",
                DefaultCommandGateway.builder()
                        .commandBus(SimpleCommandBus.builder().build())
                        .build());
        saga.on(new MessageRequested(
                "msg-1",
                "practice-1",
                "client-1",
                "Alex Client",
                "+61412345678",
                new StaffRef("staff-1", "pat", "Pat", Role.PRACTITIONER, "practice-1"),
                Audience.CLIENT,
                null,
                null,
                "Please call the practice.",
                25,
                SmsEncoding.GSM_7,
                1,
                Instant.EPOCH));
        return saga;
    }
}
