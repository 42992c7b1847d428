package com.clientsms.saga.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.saga.gateway.OutboundSms;
import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Sagas and deadline payloads are stored with Axon's JacksonSerializer (axon.serializer.general=jackson). */
class SmsDeliverySagaSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void sagaSurvivesAJsonRoundTripWithItsIdsAndCounters() {
        SmsDeliverySaga saga = followedSaga();

        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        SmsDeliverySaga restored = serializer.deserialize(stored);

        assertThat(restored).usingRecursiveComparison().isEqualTo(saga);
        assertThat(ReflectionTestUtils.getField(restored, "attempts")).isEqualTo(2);
        assertThat(ReflectionTestUtils.getField(restored, "statusCheckId")).isEqualTo("deadline-1");
    }

    @Test
    void storedSagaHoldsOnlyIdsAndCountersNeverTheBodyOrNumber() {
        String json =
                new String(serializer.serialize(followedSaga(), byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"messageId\":\"msg-1\",\"practiceId\":\"practice-1\",\"clientId\":\"client-1\","
                        + "\"attempts\":2,\"statusChecks\":1,\"statusCheckId\":\"deadline-1\","
                        + "\"lastLookUps\":0,\"lastLookUpId\":null}");
    }

    @Test
    void sagaStoredByTheVersionBeforeTheLastLookUpStillLoads() {
        byte[] stored = ("{\"messageId\":\"msg-1\",\"practiceId\":\"practice-1\",\"clientId\":\"client-1\","
                        + "\"attempts\":2,\"statusChecks\":1,\"statusCheckId\":\"deadline-1\"}")
                .getBytes(StandardCharsets.UTF_8);

        SmsDeliverySaga restored = serializer.deserialize(
                new SimpleSerializedObject<>(stored, byte[].class, SmsDeliverySaga.class.getName(), null));

        assertThat(restored).usingRecursiveComparison().isEqualTo(followedSaga());
    }

    @Test
    void deadlinePayloadsSurviveAJsonRoundTrip() {
        OutboundSms sms = new OutboundSms("msg-1", "practice-1", "+61412345678", "Please call.", 1);
        StatusCheck check = new StatusCheck("SM1");
        LastLookUp lookUp = new LastLookUp(sms, "Read timed out.");

        assertThat((Object) serializer.deserialize(serializer.serialize(sms, byte[].class)))
                .isEqualTo(sms);
        assertThat((Object) serializer.deserialize(serializer.serialize(check, byte[].class)))
                .isEqualTo(check);
        assertThat((Object) serializer.deserialize(serializer.serialize(lookUp, byte[].class)))
                .isEqualTo(lookUp);
    }

    private static SmsDeliverySaga followedSaga() {
        SmsDeliverySaga saga = new SmsDeliverySaga();
        ReflectionTestUtils.setField(saga, "messageId", "msg-1");
        ReflectionTestUtils.setField(saga, "practiceId", "practice-1");
        ReflectionTestUtils.setField(saga, "clientId", "client-1");
        ReflectionTestUtils.setField(saga, "attempts", 2);
        ReflectionTestUtils.setField(saga, "statusChecks", 1);
        ReflectionTestUtils.setField(saga, "statusCheckId", "deadline-1");
        return saga;
    }
}
