package dk.youthhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textIsEscapedSoInputCannotBecomeMarkup() {
        assertThat(Html.esc("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void everyLabelHasADanishAndAnEnglishWord() {
        for (String key : Labels.keys()) {
            assertThat(Labels.of("da", key)).as(key).isNotBlank();
            assertThat(Labels.of("en", key)).as(key).isNotBlank();
        }
        assertThat(Labels.of("da", "nav.deadletters")).isEqualTo("Fejlbeskeder");
        assertThat(Labels.of("en", "nav.deadletters")).isEqualTo("Dead letters");
    }

    @Test
    void aPageCarriesItsCsrfTokenInTheLogoutFormAndMarksWhereItIs() {
        String page = Html.page("en", "tok<en>", "held", "Waiting", "<p>x</p>");
        assertThat(page)
                .contains("name=\"csrf\" value=\"tok&lt;en&gt;\"")
                .contains("id=\"nav-held\" href=\"/console/held\" class=\"current\"")
                .contains("<html lang=\"en\">");
        assertThat(Html.table("t", List.of("a"), List.of(), "da")).contains("Ingen.");
    }
}
