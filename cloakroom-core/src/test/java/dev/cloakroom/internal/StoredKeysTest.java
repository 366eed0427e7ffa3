package dev.cloakroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredKeysTest {

    @Test
    void hashIsTheFirst160BitsOfSha256InHex() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(StoredKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a3");
    }

    @Test
    void hashIsAValidKeyOfDjangosColumnWidth() {
        String hash = StoredKeys.hash(SessionKeys.generate());
        assertThat(hash).hasSize(StoredKeys.HASH_LENGTH).hasSize(SessionKeys.MAX_LENGTH);
        assertThat(SessionKeys.isValid(hash)).isTrue();
    }

    @Test
    void hashOfTheHashIsNotTheHash() {
        String hash = StoredKeys.hash("k3ylk3ylk3ylk3ylk3ylk3ylk3ylk3yl");
        assertThat(StoredKeys.hash(hash)).isNotEqualTo(hash);
    }
}
