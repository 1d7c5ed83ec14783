package com.capidemo.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

    private final List<String> started = new ArrayList<>();
    private final AdmissionGate gate = new AdmissionGate(2, 2);

    private AdmissionGate.Ticket ticket(String name) {
        return gate.ticket(() -> started.add(name));
    }

    @Test
    void permitsAreTakenThenRequestsWaitThenAreRefused() {
        assertThat(ticket("a").enter()).isEqualTo(AdmissionGate.Entry.ADMITTED);
        assertThat(ticket("b").enter()).isEqualTo(AdmissionGate.Entry.ADMITTED);
        assertThat(ticket("c").enter()).isEqualTo(AdmissionGate.Entry.WAITING);
        assertThat(ticket("d").enter()).isEqualTo(AdmissionGate.Entry.WAITING);
        assertThat(ticket("e").enter()).isEqualTo(AdmissionGate.Entry.REFUSED);
        assertThat(gate.inFlight()).isEqualTo(2);
        assertThat(gate.waiting()).isEqualTo(2);
        assertThat(started).isEmpty(); // admitted tickets are started by their caller, not by the gate
    }

    @Test
    void aClosedTicketHandsItsPermitToTheLongestWaiting() {
        AdmissionGate.Ticket a = ticket("a");
        AdmissionGate.Ticket b = ticket("b");
        a.enter();
        b.enter();
        ticket("c").enter();
        ticket("d").enter();

        b.close();
        assertThat(started).containsExactly("c");
        a.close();
        assertThat(started).containsExactly("c", "d");
        assertThat(gate.inFlight()).isEqualTo(2);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void closingTwiceFreesOnePermit() {
        AdmissionGate.Ticket a = ticket("a");
        a.enter();
        ticket("b").enter();
        ticket("c").enter();
        a.close();
        a.close();
        assertThat(started).containsExactly("c");
        assertThat(gate.inFlight()).isEqualTo(2);
    }

    @Test
    void aWaitingTicketThatClosesLeavesTheQueueAndIsNeverStarted() {
        AdmissionGate.Ticket a = ticket("a");
        a.enter();
        ticket("b").enter();
        AdmissionGate.Ticket c = ticket("c");
        c.enter();
        ticket("d").enter();

        c.close();
        assertThat(gate.waiting()).isEqualTo(1);
        a.close();
        assertThat(started).containsExactly("d");
    }

    @Test
    void permitsComeBackWhenEveryoneIsDone() {
        List<AdmissionGate.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AdmissionGate.Ticket t = ticket("t" + i);
            t.enter();
            tickets.add(t);
        }
        tickets.forEach(AdmissionGate.Ticket::close);
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.waiting()).isZero();
        assertThat(ticket("next").enter()).isEqualTo(AdmissionGate.Entry.ADMITTED);
    }

    @Test
    void aRefusedTicketHoldsNothingAndATicketEntersOnce() {
        AdmissionGate one = new AdmissionGate(1, 0);
        one.ticket(() -> {}).enter();
        AdmissionGate.Ticket refused = one.ticket(() -> {});
        assertThat(refused.enter()).isEqualTo(AdmissionGate.Entry.REFUSED);
        refused.close();
        assertThat(one.inFlight()).isEqualTo(1);
        assertThatThrownBy(refused::enter).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AdmissionGate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
