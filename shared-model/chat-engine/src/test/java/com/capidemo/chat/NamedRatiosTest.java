package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratios the system instruction defines under an abbreviation and a long name, or as "<name>: <test>, over <records>". */
class NamedRatiosTest {

    private ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    private static void same(String template, String expectedSql, ChatAnswer a) {
        assertThat(a.outcome()).as(a.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(ResultComparator.answers(
                        ChatFixtures.query(template, expectedSql, 100).rows(), a.rows()))
                .as(a.sql())
                .isTrue();
    }

    @Test
    void anAbbreviationNamesTheRatioItsDefinitionStatesEvenWhenAColumnIsCalledSo() {
        // "ADR (average daily rate) = sum(room_revenue) / sum(rooms_sold) from daily_performance"; bookings.adr is a
        // column of one booking's rate, which would not add up over a year
        same(
                "hospitality",
                "SELECT round(sum(room_revenue) / sum(rooms_sold), 2) FROM daily_performance WHERE year(stay_date) = 2024",
                ask("hospitality", "What was our ADR in 2024?"));
        same(
                "hospitality",
                "SELECT h.name, round(sum(d.room_revenue) / sum(d.rooms_sold), 2) FROM daily_performance d"
                        + " JOIN hotels h ON h.hotel_id = d.hotel_id WHERE year(d.stay_date) = 2024 GROUP BY h.hotel_id, h.name",
                ask("hospitality", "What was the average daily rate by hotel in 2024?"));
        // "RevPAR (revenue per available room) = sum(room_revenue) / sum(rooms_available) = occupancy * ADR": the
        // table is the one holding both columns; the second form is ignored
        same(
                "hospitality",
                "SELECT round(sum(room_revenue) / sum(rooms_available), 2) FROM daily_performance"
                        + " WHERE year(stay_date) = 2025",
                ask("hospitality", "What was the revenue per available room in 2025?"));
    }

    @Test
    void aFormulaOfColumnsOverANumberOfRecordsIsTheirSumPerRecord() {
        // "ARPU (average revenue per user) = invoiced service revenue (total_amount minus device_installment and
        // taxes_and_fees) / number of invoices in the period", over two lines; placed in time by the date the
        // golden queries use for invoices (billing_month, not invoice_date)
        same(
                "telco",
                "SELECT p.plan_name, round(sum(i.total_amount - i.device_installment - i.taxes_and_fees) / count(*), 2)"
                        + " FROM invoices i JOIN subscribers s ON s.subscriber_id = i.subscriber_id"
                        + " JOIN plans p ON p.plan_id = s.plan_id WHERE year(i.billing_month) = 2025"
                        + " GROUP BY p.plan_id, p.plan_name",
                ask("telco", "What was ARPU by plan in 2025?"));
    }

    @Test
    void aRatioOverAllRecordsOfAnotherTableIsOneFigureForTheWhole() {
        // "SAIDI (outage minutes per customer) = sum(outages.customer_minutes_interrupted) / customers served"
        same(
                "utility",
                "SELECT round((SELECT sum(customer_minutes_interrupted) FROM outages WHERE year(outage_date) = 2025)"
                        + " / (SELECT count(*) FROM customers), 2)",
                ask("utility", "What was our SAIDI in 2025?"));
        // per region the denominator would still be every customer: declined
        ChatAnswer region = ask("utility", "What was SAIDI by region in 2025?");
        assertThat(region.outcome()).as(region.sql()).isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aTestOverSomeRecordsIsTheShareOfThemThatPassIt() {
        // "On-time delivery (OTD): delivered_at::DATE <= promised_date, over delivered shipments"
        same(
                "logistics",
                "SELECT c.name, round(100.0 * count(*) FILTER (WHERE s.delivered_at::DATE <= s.promised_date) / count(*), 1)"
                        + " FROM shipments s JOIN carriers c ON c.carrier_id = s.carrier_id WHERE s.status = 'delivered'"
                        + " GROUP BY c.carrier_id, c.name",
                ask("logistics", "What's the on-time delivery rate for each carrier?"));
        // "Supplier on-time rate: received_date <= expected_date, over received purchase orders"
        same(
                "logistics",
                "SELECT s.country, round(100.0 * count(*) FILTER (WHERE p.received_date <= p.expected_date) / count(*), 1)"
                        + " FROM purchase_orders p JOIN suppliers s ON s.supplier_id = p.supplier_id"
                        + " WHERE p.status = 'received' GROUP BY 1",
                ask("logistics", "What is the supplier on-time rate by supplier country?"));
    }

    @Test
    void theInstructionsDefinitionOfARatioWinsOverAGoldenQueryOfTheSameName() {
        // "Denial rate = denied claims / adjudicated claims (status <> 'pending')"; the golden queries also count
        // appealed claims as denied
        same(
                "healthcare",
                "SELECT insurance_type, round(100.0 * count(*) FILTER (WHERE claim_status = 'denied') / count(*), 1)"
                        + " FROM claims WHERE claim_status <> 'pending' GROUP BY 1",
                ask("healthcare", "What's the denial rate for each insurance type?"));
        same(
                "healthcare",
                "SELECT payer, round(100.0 * count(*) FILTER (WHERE claim_status = 'denied') / count(*), 1)"
                        + " FROM claims WHERE claim_status <> 'pending' AND year(submitted_date) = 2025 GROUP BY 1",
                ask("healthcare", "What was the denial rate by payer in 2025?"));
    }

    @Test
    void aDefinedRatioNamedLikeAColumnIsTheDefinitionPerGroupAndPeriod() {
        same(
                "hospitality",
                "SELECT h.brand, round(sum(d.room_revenue) / sum(d.rooms_sold), 2) FROM daily_performance d"
                        + " JOIN hotels h ON h.hotel_id = d.hotel_id WHERE year(d.stay_date) = 2024 GROUP BY 1",
                ask("hospitality", "For each brand, what was ADR in 2024?"));
    }
}
