package com.capidemo.core.domain;

/**
 * One user's activity in one period, as the team insights count it: demos created by origin ({@link DemoOrigin}),
 * of those the demos with a share link that was opened, share links created and share links first opened in the
 * period, chat questions asked and the ones the agent declined.
 */
public record InsightCounts(
        long quick,
        long custom,
        long clones,
        long sharedDemos,
        long linksCreated,
        long linksOpened,
        long questionsAsked,
        long questionsDeclined) {

    public static final InsightCounts ZERO = new InsightCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public long demos() {
        return quick + custom + clones;
    }

    public InsightCounts plus(InsightCounts o) {
        return new InsightCounts(
                quick + o.quick,
                custom + o.custom,
                clones + o.clones,
                sharedDemos + o.sharedDemos,
                linksCreated + o.linksCreated,
                linksOpened + o.linksOpened,
                questionsAsked + o.questionsAsked,
                questionsDeclined + o.questionsDeclined);
    }
}
