package com.clientsms.query.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/** One row of the event store's {@code domainevententry} table, exactly as stored. */
record EventRow(
        long globalIndex,
        String eventIdentifier,
        String payloadType,
        String payloadRevision,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String timestamp,
        byte[] metadata,
        byte[] payload) {

    static final String COLUMNS = "globalindex, eventidentifier, payloadtype, payloadrevision, type,"
            + " aggregateidentifier, sequencenumber, timestamp, metadata, payload";

    /** The first link's predecessor. */
    static final String GENESIS = "0".repeat(64);

    private static final JsonFactory JSON = new JsonFactory();

    static EventRow read(ResultSet rs) throws SQLException {
        return new EventRow(
                rs.getLong("globalindex"),
                rs.getString("eventidentifier"),
                rs.getString("payloadtype"),
                rs.getString("payloadrevision"),
                rs.getString("type"),
                rs.getString("aggregateidentifier"),
                rs.getLong("sequencenumber"),
                rs.getString("timestamp"),
                rs.getBytes("metadata"),
                rs.getBytes("payload"));
    }

    /**
     * The next link of a chain: SHA-256 over the previous hash and every stored column but the global index (which
     * the chain's order already checks), each length-prefixed so that no two different rows give the same bytes.
     */
    String chain(String previousHash) {
        try {
            var bytes = new ByteArrayOutputStream(256 + payload.length);
            var out = new DataOutputStream(bytes);
            out.write(previousHash.getBytes(StandardCharsets.US_ASCII));
            text(out, eventIdentifier);
            text(out, payloadType);
            text(out, payloadRevision);
            text(out, aggregateType);
            text(out, aggregateIdentifier);
            out.writeLong(sequenceNumber);
            text(out, timestamp);
            blob(out, metadata);
            blob(out, payload);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        blob(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void blob(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    /**
     * The practice a stored event belongs to: the top-level {@code practiceId} of its JSON payload. Null when it has
     * none or when the payload is not JSON any more (altered).
     */
    String practiceId() {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("practiceId".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
