package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A verb that names one of the dates of the records counted ("were billed", "were delivered", "were paid") says which
 * event the period or the time grouping means; a plan placed in time by another date of that table is declined.
 */
class EventDateTest {

    private static ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    @Test
    void aVerbNamingAnotherDateOfTheCountedRecordsIsDeclined() {
        // invoices have invoice_date (the 1st of the next month) and billing_month: December bills land in the next
        // year by invoice_date; "billed" names billing_month, and "invoice" invoice_date
        ChatAnswer billed = ask("telco", "How many invoices were billed each year?");
        assertThat(billed.outcome()).as(billed.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        // delivered_at, not the ship_date a plain count of shipments uses
        ChatAnswer delivered = ask("logistics", "How many shipments were delivered each year?");
        assertThat(delivered.outcome()).as(delivered.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        // received_date, not the order_date
        ChatAnswer received = ask("logistics", "How many purchase orders were received each year?");
        assertThat(received.outcome()).as(received.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        // check_in_date, not booked_date
        ChatAnswer checkedIn = ask("hospitality", "How many bookings were checked in each month of 2025?");
        assertThat(checkedIn.outcome()).as(checkedIn.sql()).isNotEqualTo(ChatAnswer.PLANNED);
    }

    @Test
    void aVerbNamingTheDateUsedOrNoDateKeepsTheAnswer() {
        ChatAnswer shipped = ask("logistics", "How many shipments were shipped each year?");
        assertThat(shipped.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(shipped.sql()).contains("year(s.ship_date)");
        ChatAnswer activated = ask("telco", "How many lines were activated in 2024?");
        assertThat(activated.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(activated.sql()).contains("s.activation_date");
        ChatAnswer opened = ask("telco", "How many tickets were opened each year?");
        assertThat(opened.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(opened.sql()).contains("year(st.opened_at)");
    }

    @Test
    void aStateSaidAsAPassiveVerbIsNotCountedByWhenTheRecordsBegan() {
        // subscriptions have start_date and end_date: "cancelled each year" is not the canceled ones by start year
        ChatAnswer cancelled = ask("saas", "How many subscriptions were cancelled each year?");
        assertThat(cancelled.outcome()).as(cancelled.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        // inspections fail when they are inspected: one date, the count stands
        ChatAnswer failed = ask("manufacturing", "How many inspections failed each year?");
        assertThat(failed.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(failed.sql()).contains("year(qi.inspected_at)");
    }

    @Test
    void aVerbNamingADateOfTheRecordsBelowIsNotTheCountedRecordsOwnDate() {
        // patients are admitted in encounters (admit_at): not the patients registered each year
        ChatAnswer admitted = ask("healthcare", "How many patients were admitted each year?");
        assertThat(admitted.outcome()).as(admitted.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        ChatAnswer encounters = ask("healthcare", "How many encounters were admitted each year?");
        assertThat(encounters.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(encounters.sql()).contains("year(e.admit_at)");
    }

    @Test
    void aVerbNamingTheRecordsOfATableBelowIsNotTheCountedRecordsOwnDate() {
        // guests have only enrolled_date; their stays are bookings ("room_revenue … for checked_out stays")
        ChatAnswer stayed = ask("hospitality", "How many guests stayed each year?");
        assertThat(stayed.outcome()).as(stayed.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        ChatAnswer enrolled = ask("hospitality", "How many guests enrolled each year?");
        assertThat(enrolled.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(enrolled.sql()).contains("enrolled_date");
        // a phrasal verb that starts the name of the date used ("signed up": signup_date) is that date, though the
        // invoices below accounts are described with "signed"
        ChatAnswer signedUp = ask("saas", "How many accounts signed up in 2024?");
        assertThat(signedUp.outcome()).as(signedUp.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(signedUp.sql()).contains("signup_date");
    }

    @Test
    void aTotalOfAnAmountPerPeriodIsNotWhatWasEarned() {
        // monthly_revenue is the monthly price after each subscription event: summing it over 2024 is no revenue
        ChatAnswer revenue = ask("media", "What was our subscription revenue in 2024?");
        assertThat(revenue.outcome()).as(revenue.sql()).isNotEqualTo(ChatAnswer.PLANNED);
    }
}
