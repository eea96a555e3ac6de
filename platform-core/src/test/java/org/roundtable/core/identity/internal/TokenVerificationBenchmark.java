package org.roundtable.core.identity.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test): the cost of verifying one API access token with exactly the production
 * verifier, keys already fetched. Run: see bench/README.md.
 */
public final class TokenVerificationBenchmark {

  private TokenVerificationBenchmark() {}

  public static void main(String[] args) throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    String issuer = "http://localhost:8180/realms/kirklees";
    ConfigurableJWTProcessor<SecurityContext> processor =
        BearerTokenAuthenticator.processor(
            new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), issuer, 30);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID("bench")
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("member")
                .audience(List.of("platform-api", "account"))
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", List.of("officer")))
                .build());
    jwt.sign(new RSASSASigner(key));
    String token = jwt.serialize();

    int measured = Integer.parseInt(args.length > 0 ? args[0] : "100000");
    for (int i = 0; i < 20_000; i++) {
      processor.process(token, null);
    }
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < measured; i++) {
        processor.process(token, null);
      }
      double micros = (System.nanoTime() - start) / 1_000.0 / measured;
      System.out.printf("round %d: %.1f µs per token (%d tokens)%n", round, micros, measured);
    }
  }
}
