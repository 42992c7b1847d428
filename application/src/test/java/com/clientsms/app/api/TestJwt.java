package com.clientsms.app.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Plays the identity provider: a locally generated RSA key signs tokens, and the application gets a JwtDecoder for
 * its public key, the same bean Spring Boot builds from spring.security.oauth2.resourceserver.jwt.* in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwt {

    private static final KeyPair KEYS = generate();

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    public static String token(Map<String, Object> claims) {
        return sign(claims, KEYS);
    }

    public static String tokenSignedByAnotherKey(Map<String, Object> claims) {
        return sign(claims, generate());
    }

    private static String sign(Map<String, Object> claims, KeyPair keys) {
        try {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer("https://idp.example")
                    .issueTime(Date.from(Instant.now()))
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
