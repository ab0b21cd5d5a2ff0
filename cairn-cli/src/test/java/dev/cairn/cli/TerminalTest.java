// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text made safe for a terminal, its width in columns, and when to colour. */
class TerminalTest {

    @Test
    void escapesWhatATerminalWouldActOnAndKeepsEveryLetter() {
        assertThat(Terminal.printable("a\u001b[31mred\u001b[0m")).isEqualTo("a\\x1b[31mred\\x1b[0m");
        assertThat(Terminal.printable("bell\u0007 del\u007f csi\u009b1m")).isEqualTo("bell\\x07 del\\x7f csi\\x9b1m");
        // Right-to-left override: "evil\u202Elqs.txt" would read as "eviltxt.sql".
        assertThat(Terminal.printable("evil\u202etxt.sql")).isEqualTo("evil\\u202etxt.sql");
        assertThat(Terminal.printable("表 ünï cødé 🚀")).isEqualTo("表 ünï cødé 🚀");
        // Text of several lines keeps its lines and tabs, and CRLF; a lone CR would overwrite the line.
        assertThat(Terminal.printable("one\n\ttwo\r\nthree\rfake")).isEqualTo("one\n\ttwo\r\nthree\\rfake");
        assertThat(Terminal.printable(null)).isNull();
    }

    @Test
    void oneLineEscapesLineBreaksAndTabsToo() {
        assertThat(Terminal.oneLine("name\nfake line\tand\u001b")).isEqualTo("name\\nfake line\\tand\\x1b");
        String plain = "20260101000000_create_users";
        assertThat(Terminal.oneLine(plain)).isSameAs(plain);
    }

    @Test
    void widthCountsWideLettersAndEmojiTwiceAndMarksNotAtAll() {
        assertThat(Terminal.width("create_users")).isEqualTo(12);
        assertThat(Terminal.width("表")).isEqualTo(2);
        assertThat(Terminal.width("テーブル作成")).isEqualTo(12);
        assertThat(Terminal.width("한국어")).isEqualTo(6);
        assertThat(Terminal.width("🚀x")).isEqualTo(3);
        // u and a combining diaeresis show as one letter.
        assertThat(Terminal.width("mu\u0308ller")).isEqualTo(6);
        assertThat(Terminal.pad("表", 4, false)).isEqualTo("表  ");
        assertThat(Terminal.pad("12", 4, true)).isEqualTo("  12");
    }

    @Test
    void coloursOnATerminalUnlessToldNot() {
        assertThat(Terminal.of(Terminal.When.AUTO, Map.of(), true).failure("FAILED"))
                .isEqualTo("\u001b[1;31mFAILED\u001b[0m");
        assertThat(Terminal.of(Terminal.When.AUTO, Map.of(), false).colour()).isFalse();
        // NO_COLOR with any value, even empty; a dumb terminal.
        assertThat(Terminal.of(Terminal.When.AUTO, Map.of("NO_COLOR", ""), true).colour())
                .isFalse();
        assertThat(Terminal.of(Terminal.When.AUTO, Map.of("NO_COLOR", "1"), true)
                        .colour())
                .isFalse();
        assertThat(Terminal.of(Terminal.When.AUTO, Map.of("TERM", "dumb"), true).colour())
                .isFalse();
        assertThat(Terminal.of(Terminal.When.NEVER, Map.of(), true).failure("FAILED"))
                .isEqualTo("FAILED");
        // An explicit --color=always wins over NO_COLOR, as the NO_COLOR convention asks.
        assertThat(Terminal.of(Terminal.When.ALWAYS, Map.of("NO_COLOR", "1"), false)
                        .colour())
                .isTrue();
    }
}
