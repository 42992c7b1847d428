package com.clientsms.app.faults;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in identity provider: it publishes a JWK set and signs bearer tokens for the demo staff. The application
 * accepts them as it would a real provider's, and checking a signature costs far less than the bcrypt check of HTTP
 * Basic, which would otherwise dominate registering thousands of clients.
 */
final class StaffTokens implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    StaffTokens() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("fault-suite").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    /** What an application instance is given to trust these tokens (HTTP Basic stays on). */
    String applicationArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                + server.getAddress().getPort() + "/jwks";
    }

    /** A bearer token for a member of staff, with the claims the directory has for them. */
    String bearer(Connection directory, String username) {
        return "Bearer " + tokens.computeIfAbsent(username, name -> sign(directory, name));
    }

    private String sign(Connection directory, String username) {
        try (PreparedStatement query = directory.prepareStatement(
                "select staff_id, practice_id, display_name, role from directory_staff where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No member of staff called " + username);
                }
                Instant now = Instant.now();
                JWTClaimsSet claims = new JWTClaimsSet.Builder()
                        .subject(row.getString(1))
                        .claim("practice_id", row.getString(2))
                        .claim("name", row.getString(3))
                        .claim("role", row.getString(4))
                        .claim("preferred_username", username)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(4 * 3600)))
                        .build();
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            }
        } catch (SQLException | JOSEException e) {
            throw new IllegalStateException("Could not sign a token for " + username, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
