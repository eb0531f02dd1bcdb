package io.mimamori.layers.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * with the OWASP minimum parameters by default: 19 MiB of memory, 2 passes, 1 lane. Verification
 * reads the parameters from the stored string, so they can be raised later without breaking old
 * hashes, and compares in constant time.
 */
public final class PasswordHasher {

  public static final int MINIMUM_LENGTH = 12;

  private final int memoryKib;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher() {
    this(19_456, 2);
  }

  public PasswordHasher(int memoryKib, int iterations) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
  }

  public String hash(char[] password) {
    if (password.length < MINIMUM_LENGTH) {
      throw new IllegalArgumentException("a password needs at least " + MINIMUM_LENGTH + " characters");
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, 1, 32);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(hash);
  }

  /** Whether {@code password} matches {@code stored}; false for a malformed stored string. */
  public boolean verify(char[] password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=");
        int v = Integer.parseInt(pair[1]);
        switch (pair[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> p = v;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = Base64.getDecoder().decode(parts[4]);
      byte[] expected = Base64.getDecoder().decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(lanes)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] out = new byte[length];
    byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
    gen.generateBytes(pw, out);
    java.util.Arrays.fill(pw, (byte) 0);
    return out;
  }
}
