package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words a question uses for the data that the schema spells differently: abbreviations and table glosses. */
class VocabularyTest {

    private ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    @Test
    void anAbbreviationIsSpelledOutByLeadingPiecesOfConsecutiveWords() {
        assertThat(Abbreviations.spells("csat", List.of("customer", "satisfaction")))
                .isTrue();
        assertThat(Abbreviations.spells("nps", List.of("net", "promoter", "score")))
                .isTrue();
        assertThat(Abbreviations.spells("csat", List.of("customer", "score"))).isFalse();
        assertThat(Abbreviations.spells("csat", List.of("satisfaction", "customer")))
                .isFalse();
        assertThat(Abbreviations.spells("csat", List.of("csat"))).isTrue();
    }

    @Test
    void aColumnNamedByAnAbbreviationIsFoundFromTheWordsItAbbreviates() {
        ChatAnswer a = ask("banking", "What's the average customer satisfaction score on support cases?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("avg(sc.csat_score)").contains("FROM support_cases sc");
        assertThat(ask("telco", "What's the average customer satisfaction score on support tickets?")
                        .sql())
                .contains("avg(st.csat_score)");
    }

    @Test
    void theHeadNounOfATablesDescriptionNamesItEvenWhenSingular() {
        // "titles: the catalogue of movies and series ..."
        ChatAnswer a = ask("media", "How many movies are in the catalogue?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("count(*)").contains("FROM titles t").contains("t.content_type = 'movie'");
    }

    @Test
    void aNounThatMakesADictionaryCompoundWithTheValueBeforeItAddsNothing() {
        ChatAnswer a = ask("media", "How many viewing sessions were on mobile phones?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("count(*)").contains("= 'mobile'");
    }

    @Test
    void aModifierOfTheNounPhraseATableDescriptionStartsWithNamesTheWholeTable() {
        // "guests: Harborline Rewards loyalty members with loyalty_tier (member, silver, gold, platinum)": every row is
        // a rewards member, so "rewards members" is not the tier 'member'
        ChatAnswer all = ask("hospitality", "How many rewards members do we have?");
        assertThat(all.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(all.sql()).contains("count(*)").contains("FROM guests g").doesNotContain("WHERE");
        assertThat(ask("hospitality", "How many rewards members are there in each tier?")
                        .sql())
                .contains("GROUP BY g.loyalty_tier")
                .doesNotContain("= 'member'");
        // "product_reviews: star ratings (1-5) …" starts with a column's name: "star rating" stays that column
        assertThat(ask("shopify", "What is our average star rating on product reviews?")
                        .sql())
                .contains("avg(pr.rating)");
        // "member" alone is still both the table and a tier
        assertThat(ask("hospitality", "How many members do we have?").outcome()).isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void carryAndTakesAreLightVerbs() {
        ChatAnswer a = ask("logistics", "How many products do we carry in each category?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("count(*)").contains("GROUP BY p.category");
    }

    @Test
    void aValueWordThatATablesDescriptionSaysOfEveryRowAddsNothingBeforeThatTablesNoun() {
        // "bookings: reservations made by Harborline Rewards members", while 'member' is also a loyalty tier
        ChatAnswer a = ask("hospitality", "How many member bookings did each region get?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("count(*)").contains("GROUP BY h.region").doesNotContain("loyalty_tier");
        // said of the guests themselves it stays both readings
        assertThat(ask("hospitality", "How many bookings did member tier guests make?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aMoneyVerbBeforeTheMostRanksByTheMoneyColumn() {
        ChatAnswer a = ask("hospitality", "Which brand earns the most from food and beverage charges?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql())
                .contains("sum(fc.amount)")
                .contains("GROUP BY h.brand")
                .contains("fc.department = 'food_beverage'")
                .contains("LIMIT 1");
    }

    @Test
    void aTwoLetterUnitSynonymNamesAColumnSpelledWithIt() {
        // WordNet gives "kg" for kilogram; shipments.weight_kg spells the unit that way
        ChatAnswer a = ask("logistics", "What is the freight cost per kilogram by shipping mode?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("weight_kg").contains("freight_cost");
        // nor with a second dictionary guess in the same question ("customers" read as the segment 'consumer')
        assertThat(ask("telco", "How many gigabytes of data did our customers use in 2025?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
        // a unit no column is spelled with still names nothing
        assertThat(ask("logistics", "What is the freight cost per kilometer by shipping mode?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void anUppercaseAcronymOfACompoundWhoseFirstWordIsAValueNamesThatValue() {
        // WordNet: ER = "emergency room"; encounters.encounter_type has 'emergency', "room" names nothing
        ChatAnswer a = ask("healthcare", "How many ER visits did we have in 2024?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("count(*)").contains("'emergency'").contains("2024");
        // a lowercase word is never read as an acronym
        assertThat(ask("healthcare", "How many er visits did we have in 2024?").outcome())
                .isEqualTo(ChatAnswer.DECLINED);
        // an acronym whose compound names nothing in the data declines as before (WordNet: ICU = "intensive care unit")
        assertThat(ask("healthcare", "How many ICU visits did we have in 2024?").outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aModifierOfWhatEveryRowIsAddsNoConditionBeforeTheTablesWords() {
        // "nps_responses: Net Promoter Score survey answers (0-10)": every response is a survey answer
        ChatAnswer a = ask("saas", "What's the average NPS survey score?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql())
                .contains("avg(nr.score)")
                .contains("FROM nps_responses nr")
                .doesNotContain("WHERE");
        // a word that is no modifier of the rows' noun still names nothing
        assertThat(ask("saas", "What's the average NPS poll score?").outcome()).isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aDescriptionAfterTheTablesRowCountIsReadForGlossesToo() {
        // custom demos list "- bookings (63500 rows, key booking_id): Tickets sold; …": tickets name bookings
        ChatAnswer tickets = ask("airline", "What is the total ticket revenue?");
        assertThat(tickets.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(tickets.sql()).contains("sum(b.fare_amount)").contains("FROM bookings b");
        // "- aircraft (…): The fleet; seat capacity by aircraft type": one noun after an article names the table
        ChatAnswer fleet = ask("airline", "How many aircraft are in our fleet?");
        assertThat(fleet.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(fleet.sql()).contains("count(*)").contains("FROM aircraft a").doesNotContain("WHERE");
        // "- crew_members (…): Pilots and flight attendants": the first of a list names some rows, never all of them
        assertThat(ask("airline", "How many pilots do we employ?").outcome()).isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aCountryCodeIsNamedByItsCountryAndANationalityAdjective() {
        // titles.country_of_origin holds ISO codes: 'KR' is South Korea (JDK country names), "Korea" alone when no
        // other code of the column is a Korea
        assertThat(ask("media", "How many titles are from Korea?").sql()).contains("t.country_of_origin = 'KR'");
        // WordNet: "Korean" is derived from Korea, "Japanese" pertains to Japan, "German" to Germany
        assertThat(ask("media", "How many Korean titles are there?").sql()).contains("t.country_of_origin = 'KR'");
        assertThat(ask("media", "How many Japanese titles do we have?").sql())
                .contains("count(*)")
                .contains("t.country_of_origin = 'JP'");
        assertThat(ask("saas", "How many German accounts do we have?").sql()).contains("a.country = 'DE'");
    }

    @Test
    void runSaidOfCountedRecordsMeansOperatingThem() {
        ChatAnswer sites = ask("telco", "How many cell sites do we run?");
        assertThat(sites.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(sites.sql())
                .contains("count(*)")
                .contains("FROM cell_sites cs")
                .doesNotContain("WHERE");
        ChatAnswer orders = ask("manufacturing", "How many work orders did each country's plants run?");
        assertThat(orders.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(orders.sql())
                .contains("count(*)")
                .contains("FROM work_orders wo")
                .contains("GROUP BY p.country");
        // how long machines run is a duration, not a light verb
        assertThat(ask("manufacturing", "How many hours did machines run in 2024?")
                        .outcome())
                .isNotEqualTo(ChatAnswer.PLANNED);
    }

    @Test
    void anEventVerbAfterTheHeadOfSeveralLearnedCountsCountsEveryRecordItHappenedTo() {
        // active_lines, suspended_lines and total_lines are all counts of subscribers; "activated" names
        // activation_date: every line activated, by that date
        ChatAnswer yearly = ask("telco", "How many lines were activated each year?");
        assertThat(yearly.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(yearly.sql())
                .contains("year(s.activation_date)")
                .contains("count(*)")
                .contains("FROM subscribers s")
                .doesNotContain("status");
        ChatAnswer markets = ask("telco", "How many lines have been activated in each market?");
        assertThat(markets.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(markets.sql()).contains("GROUP BY cs.market").doesNotContain("status");
        // without an event the head word stays ambiguous between the learned counts
        assertThat(ask("telco", "How many lines do we have?").outcome()).isNotEqualTo(ChatAnswer.PLANNED);
    }

    @Test
    void aPassiveVerbTheLexiconRelatesToItsSubjectsNounSaysWhatTheRecordsAre() {
        // bill is related to invoice: "invoices were billed" are the invoices, by their own date (issued_date), not
        // the support tickets of category 'billing'
        ChatAnswer a = ask("saas", "How many invoices were billed each year?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql())
                .contains("year(i.issued_date)")
                .contains("count(*)")
                .contains("FROM invoices i")
                .doesNotContain("support_tickets");
    }
}
