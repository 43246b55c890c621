package io.bouncesweeper.parse.mime;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LowerCaseTest {

    @Test
    void lowersAsciiAtEveryLengthAndPositionAsTheJdkDoes() {
        String alphabet = "ABCXYZabcxyz@[\\]^_`{|}~ 0123456789-.:;\n\t";
        Random random = new Random(42);
        for (int len = 0; len < 70; len++) {
            for (int round = 0; round < 50; round++) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertSameAsJdk(b.toString());
            }
        }
    }

    @Test
    void everyByteValueAloneAndInsideALongAsciiRunIsLoweredAsTheJdkDoes() {
        for (char c = 0; c < 0x300; c++) {
            assertSameAsJdk(String.valueOf(c));
            assertSameAsJdk("Delivery To The Following RECIPIENT " + c + " Failed PERMANENTLY");
        }
    }

    @Test
    void textTheFastPathMustNotTakeGoesToTheJdk() {
        assertSameAsJdk("MAILBOX ÜBERFÜLLT: Das Postfach ist voll, bitte später erneut");
        assertSameAsJdk("İSTANBUL KULLANICI BULUNAMADI İÇİN TESLİM EDİLEMEDİ");
        assertSameAsJdk("ДОСТАВКА НЕВОЗМОЖНА ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН");
        assertSameAsJdk("WHY? USER UNKNOWN? \uD800 LONE SURROGATE AND MORE TEXT");
        assertSameAsJdk("emoji \uD83D\uDE00 AND UPPER CASE TEXT AFTER IT");
    }

    private static void assertSameAsJdk(String s) {
        assertThat(LowerCase.of(s)).as("lower case of %s", s).isEqualTo(s.toLowerCase(Locale.ROOT));
    }
}
