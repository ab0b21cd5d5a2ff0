// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.internal.sql.SqlLexer.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokens {@link SqlLexer} cuts, where the splitter's result alone would not show them. */
class SqlLexerTest {

    private static List<String> tokens(SqlLexer lexer, String text) {
        List<String> out = new ArrayList<>();
        for (Kind kind = lexer.next(); kind != Kind.END_OF_TEXT; kind = lexer.next()) {
            out.add(kind + " " + text.substring(lexer.start(), lexer.end()));
        }
        return out;
    }

    private static List<String> tokens(String text, SplitRules rules) {
        return tokens(new SqlLexer(text, 1, rules), text);
    }

    @Test
    void cutsEveryKindOfToken() {
        String text = "SELECT a.b, 'it''s', E'x\\'y', \"q\"\"r\", $t$ $$ $t$, $1 -- c\n/* d /* e */ */;";
        assertThat(tokens(text, SplitRules.POSTGRESQL))
                .containsExactly(
                        "WORD SELECT",
                        "WORD a",
                        "SYMBOL .",
                        "WORD b",
                        "SYMBOL ,",
                        "STRING 'it''s'",
                        "SYMBOL ,",
                        "STRING E'x\\'y'",
                        "SYMBOL ,",
                        "QUOTED_IDENTIFIER \"q\"\"r\"",
                        "SYMBOL ,",
                        "DOLLAR_STRING $t$ $$ $t$",
                        "SYMBOL ,",
                        "SYMBOL $",
                        "WORD 1",
                        "LINE_COMMENT -- c",
                        "BLOCK_COMMENT /* d /* e */ */",
                        "DELIMITER ;");
    }

    @Test
    void readsSqliteIdentifiers() {
        assertThat(tokens("[a b]`c``d`", SplitRules.SQLITE))
                .containsExactly("QUOTED_IDENTIFIER [a b]", "QUOTED_IDENTIFIER `c``d`");
    }

    @Test
    void cutsMySqlTokens() {
        String text = "SELECT 1--1, 2 -- c\n# d\n/*!40101 x; */ /*M!100100 y */ /*+ h */ `a``b` 'it\\'s' \"q\\\"r\";";
        assertThat(tokens(text, SplitRules.MYSQL))
                .containsExactly(
                        "WORD SELECT",
                        "WORD 1",
                        "SYMBOL -",
                        "SYMBOL -",
                        "WORD 1",
                        "SYMBOL ,",
                        "WORD 2",
                        "LINE_COMMENT -- c",
                        "LINE_COMMENT # d",
                        "EXECUTABLE_COMMENT /*!40101 x; */",
                        "EXECUTABLE_COMMENT /*M!100100 y */",
                        "BLOCK_COMMENT /*+ h */",
                        "QUOTED_IDENTIFIER `a``b`",
                        "STRING 'it\\'s'",
                        "STRING \"q\\\"r\"",
                        "DELIMITER ;");
    }

    @Test
    void cutsH2Tokens() {
        String text = "SELECT 1 // c;\n/* a /* b */ */ $$x;$$ `y` E'z\\' /*! w */";
        assertThat(tokens(text, SplitRules.H2))
                .containsExactly(
                        "WORD SELECT",
                        "WORD 1",
                        "LINE_COMMENT // c;",
                        "BLOCK_COMMENT /* a /* b */ */",
                        "DOLLAR_STRING $$x;$$",
                        "QUOTED_IDENTIFIER `y`",
                        "WORD E",
                        "STRING 'z\\'",
                        "BLOCK_COMMENT /*! w */");
    }

    @Test
    void aChangedDelimiterEndsStatementsAndSemicolonsBecomeSymbols() {
        String text = "SELECT 1; SELECT 2 // x";
        SqlLexer lexer = new SqlLexer(text, 1, SplitRules.MYSQL);
        lexer.useDelimiter("//");
        assertThat(tokens(lexer, text))
                .containsExactly(
                        "WORD SELECT", "WORD 1", "SYMBOL ;", "WORD SELECT", "WORD 2", "DELIMITER //", "WORD x");
    }

    @Test
    void aChangedDelimiterEndsAWordItFollows() {
        String text = "END$$ a$b$$ $$c";
        SqlLexer lexer = new SqlLexer(text, 1, SplitRules.MYSQL);
        lexer.useDelimiter("$$");
        assertThat(tokens(lexer, text))
                .containsExactly("WORD END", "DELIMITER $$", "WORD a$b", "DELIMITER $$", "DELIMITER $$", "WORD c");
    }

    @Test
    void skipsTheRestOfALineForAClientCommand() {
        String text = "DELIMITER $$ x\r\nSELECT";
        SqlLexer lexer = new SqlLexer(text, 1, SplitRules.MYSQL);
        lexer.next();
        assertThat(lexer.startsLine(lexer.start())).isTrue();
        assertThat(lexer.skipRestOfLine()).isEqualTo(text.indexOf('\n'));
        assertThat(tokens(lexer, text)).containsExactly("WORD SELECT");
        assertThat(lexer.skipRestOfLine()).isEqualTo(text.length());
    }

    @Test
    void tellsWhetherAPositionStartsItsLine() {
        String text = "a\n \tb c\r\n\uFEFFd";
        SqlLexer lexer = new SqlLexer(text, 1, SplitRules.MYSQL);
        assertThat(lexer.startsLine(0)).isTrue();
        assertThat(lexer.startsLine(text.indexOf('b'))).isTrue();
        assertThat(lexer.startsLine(text.indexOf('c'))).isFalse();
        assertThat(lexer.startsLine(text.indexOf('d'))).isTrue();
    }

    @Test
    void refusesAnEmptyDelimiter() {
        SqlLexer lexer = new SqlLexer("", 1, SplitRules.SQLITE);
        assertThatThrownBy(() -> lexer.useDelimiter("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesKeywordsInAnyAsciiCaseOnly() {
        String text = "iF If \u0131f ifs";
        SqlLexer lexer = new SqlLexer(text, 1, SplitRules.SQLITE);
        List<Boolean> matches = new ArrayList<>();
        while (lexer.next() != Kind.END_OF_TEXT) {
            matches.add(lexer.isWord("IF"));
        }
        assertThat(matches).containsExactly(true, true, false, false);
    }

    @Test
    void countsLinesForPositionsAskedInAnyOrder() {
        SqlLexer lexer = new SqlLexer("a\nb\r\nc\rd", 10, SplitRules.SQLITE);
        assertThat(lexer.lineOf(7)).isEqualTo(12);
        assertThat(lexer.lineOf(2)).isEqualTo(11);
        assertThat(lexer.lineOf(0)).isEqualTo(10);
        assertThat(lexer.lineOf(8)).isEqualTo(12);
    }
}
