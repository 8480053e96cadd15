package dev.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.spin.Spin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each kind of input refuses, as the person reads it, and what it takes. */
class StepInputTest {

    private static final StepInput HOURS = StepInput.decimal("hours", 2);
    private static final StepInput NOTE = StepInput.text("note", 10);
    private static final StepInput DAY = StepInput.date("workDate");
    private static final StepInput RESOLVED = StepInput.flag("resolved");
    private static final StepInput ACTION = StepInput.choice("action", "INVOICE", "CLOSE").required();
    private static final StepInput ENTRIES = StepInput.ids("creditedEntries");
    private static final StepInput TIME = StepInput.duration("hours");

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(HOURS, "two", "hours must be a number, not two."),
                Arguments.of(HOURS, 0.001, "hours has more decimals than Tandem keeps: at most 2, not 0.001."),
                Arguments.of(HOURS, "1.255", "hours has more decimals than Tandem keeps: at most 2, not 1.255."),
                Arguments.of(HOURS, 1e12, "hours is out of range: 1000000000000."),
                Arguments.of(HOURS, true, "hours must be a number."),
                Arguments.of(HOURS, List.of(1), "hours must be a number."),
                Arguments.of(HOURS, "NaN", "hours must be a number, not NaN."),
                Arguments.of(NOTE, "eleven char", "note is too long: at most 10 characters, not 11."),
                Arguments.of(NOTE, 42, "note must be text."),
                Arguments.of(NOTE, Map.of("a", 1), "note must be text."),
                Arguments.of(NOTE, "nul\u0000", "note contains a character that is not text (at position 4)."),
                Arguments.of(NOTE, "bell\u0007", "note contains a character that is not text (at position 5)."),
                Arguments.of(NOTE, "half\ud83d", "note contains a character that is not text (at position 5)."),
                Arguments.of(NOTE, "\ude00tail", "note contains a character that is not text (at position 1)."),
                Arguments.of(DAY, "yesterday", "workDate must be a date like 2026-11-20, not yesterday."),
                Arguments.of(DAY, "2026-02-30", "workDate must be a date like 2026-11-20, not 2026-02-30."),
                Arguments.of(DAY, "2026-11-20T10:00", "workDate must be a date like 2026-11-20, not 2026-11-20T10:00."),
                Arguments.of(DAY, 20261120, "workDate must be a date like 2026-11-20."),
                Arguments.of(RESOLVED, "true", "resolved must be true or false."),
                Arguments.of(RESOLVED, 1, "resolved must be true or false."),
                Arguments.of(ACTION, "FOO", "action must be one of INVOICE, CLOSE, not FOO."),
                Arguments.of(ACTION, "invoice", "action must be one of INVOICE, CLOSE, not invoice."),
                Arguments.of(ACTION, null, "action is required."),
                Arguments.of(ACTION, 1, "action must be one of INVOICE, CLOSE, not 1."),
                Arguments.of(ENTRIES, "all of them", "creditedEntries must be a list of ids."),
                Arguments.of(ENTRIES, 7, "creditedEntries must be a list of ids."),
                Arguments.of(ENTRIES, List.of("7"), "creditedEntries must be a list of ids."),
                Arguments.of(ENTRIES, List.of(1.5), "creditedEntries must be a list of ids."),
                Arguments.of(ENTRIES, Spin.JSON("[1, \"x\"]"), "creditedEntries must be a list of ids."),
                Arguments.of(ENTRIES, Spin.JSON("{\"id\": 1}"), "creditedEntries must be a list of ids."),
                Arguments.of(TIME, "5:60", "hours must be hours and minutes like 5:20 or decimal hours like 5.33, not 5:60."),
                Arguments.of(TIME, "5h20", "hours must be hours and minutes like 5:20 or decimal hours like 5.33, not 5h20."),
                Arguments.of(TIME, 1.255, "hours must be hours and minutes like 5:20 or decimal hours like 5.33, not 1.255."),
                Arguments.of(TIME, -1, "hours must be hours and minutes like 5:20 or decimal hours like 5.33, not -1."),
                Arguments.of(TIME, true, "hours must be hours and minutes like 5:20 or decimal hours like 5.33, not true."),
                Arguments.of(TIME, Double.NaN, "hours must be hours and minutes like 5:20 or decimal hours like 5.33, not NaN."));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void badValuesAreRefusedWithTheirReason(StepInput input, Object value, String message) {
        assertThat(input.refusal(value)).isEqualTo(message);
    }

    static Stream<Arguments> taken() {
        return Stream.of(
                Arguments.of(HOURS, 1.25), Arguments.of(HOURS, 3), Arguments.of(HOURS, "2.50"), Arguments.of(HOURS, null),
                Arguments.of(NOTE, "ten chars!"), Arguments.of(NOTE, "עברית"), Arguments.of(NOTE, "😀 ok\n\tfin"),
                Arguments.of(NOTE, "中文 Ελλάδα"), Arguments.of(DAY, "2026-11-20"),
                Arguments.of(RESOLVED, false), Arguments.of(ACTION, "CLOSE"), Arguments.of(ENTRIES, List.of(1L, 2)),
                Arguments.of(ENTRIES, Spin.JSON("[4, 5]")), Arguments.of(ENTRIES, List.of()),
                Arguments.of(TIME, "5:20"), Arguments.of(TIME, "0:45"), Arguments.of(TIME, "5.33"), Arguments.of(TIME, "5,5"),
                Arguments.of(TIME, 1.5), Arguments.of(TIME, 3), Arguments.of(TIME, null));
    }

    @ParameterizedTest
    @MethodSource("taken")
    void goodValuesAreTaken(StepInput input, Object value) {
        assertThat(input.refusal(value)).isNull();
    }

    @org.junit.jupiter.api.Test
    void aPageSendsEveryInputAsTasklistDoesEmptyFieldsAsNullAndUntickedBoxesAsFalse() {
        Map<String, String> typed = Map.of("hours", "1.5", "note", "  ", "action", "CLOSE");
        Map<String, Object> form = StepInput.fromPage(List.of(HOURS, NOTE, DAY, RESOLVED, ACTION), typed::get);

        assertThat(form.keySet()).containsExactly("hours", "note", "workDate", "resolved", "action");
        assertThat(form.values()).containsExactly("1.5", null, null, false, "CLOSE");
        assertThat(form.entrySet()).allMatch(entry -> StepInputTest.inputs().get(entry.getKey())
                .refusal(entry.getValue()) == null);
    }

    private static Map<String, StepInput> inputs() {
        return Map.of("hours", HOURS, "note", NOTE, "workDate", DAY, "resolved", RESOLVED, "action", ACTION);
    }
}
