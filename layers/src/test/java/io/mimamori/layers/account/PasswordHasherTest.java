package io.mimamori.layers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(1024, 1); // small for speed; same code path

  @Test
  void aHashVerifiesItsPasswordOnly() {
    String h = hasher.hash("correct horse battery".toCharArray());
    assertThat(h).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(hasher.verify("correct horse battery".toCharArray(), h)).isTrue();
    assertThat(hasher.verify("correct horse batterY".toCharArray(), h)).isFalse();
  }

  @Test
  void theSamePasswordGetsADifferentSaltEachTime() {
    assertThat(hasher.hash("same password here".toCharArray())).isNotEqualTo(hasher.hash("same password here".toCharArray()));
  }

  @Test
  void parametersAreReadFromTheStoredHash() {
    String strong = new PasswordHasher().hash("raised parameters".toCharArray());
    assertThat(strong).contains("m=19456,t=2,p=1");
    assertThat(hasher.verify("raised parameters".toCharArray(), strong)).isTrue();
  }

  @Test
  void shortPasswordsAndMalformedHashesAreRefused() {
    assertThatThrownBy(() -> hasher.hash("short".toCharArray())).hasMessageContaining("12");
    assertThat(hasher.verify("anything at all".toCharArray(), "$2a$10$bcrypt")).isFalse();
    assertThat(hasher.verify("anything at all".toCharArray(), "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
  }
}
