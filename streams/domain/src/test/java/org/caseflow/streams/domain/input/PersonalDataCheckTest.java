package org.caseflow.streams.domain.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.input.EventChecksTest.check;
import static org.caseflow.streams.domain.input.EventChecksTest.event;
import static org.caseflow.streams.domain.input.EventChecksTest.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.caseflow.events.HearingPostponed;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.PostponementReason;
import org.junit.jupiter.api.Test;

/** No person's name or identity number gets past the input rules, and the schemas have no field made for one. */
class PersonalDataCheckTest {
    @Test
    void shouldAcceptPseudonymousJudgeIdsAndUnitNames() {
        for (String id : List.of("J-0211-017", "J-湘0211-07", "J-1", "j42", "JUDGE_7")) {
            assertThat(check(event(judge(id)))).as(id).isEmpty();
        }
        assertThat(check(event(JudgeAssigned.newBuilder().setJudge("J-0211-017").setDivision("民一庭").build()))).isEmpty();
        assertThat(check(event(HearingPostponed.newBuilder().setHearingId("h-1").setReason("被告申请鉴定").build()))).isEmpty();
    }

    @Test
    void shouldRefuseANameWhereTheContractSaysJudgeIdWithoutEchoingIt() {
        for (String name : List.of("张三", "欧阳小明", "Zhang San", "Li", "Judge Wang 1")) {
            assertThat(check(event(judge(name)))).as(name).hasValueSatisfying(r -> {
                assertThat(r.reason()).isEqualTo(Refusal.PERSONAL_DATA);
                assertThat(r.field()).isEqualTo("judge");
                assertThat(r.message()).startsWith("judge: must be a pseudonymous judge id").doesNotContain(name);
            });
        }
    }

    @Test
    void shouldRefuseIdentityPhoneAndCardNumbersInJudgeDivisionAndReason() {
        String residentId = "11010119900307457X";
        assertThat(check(event(judge("J-" + residentId)))).hasValueSatisfying(r ->
                assertThat(r.message()).startsWith("judge: holds a number shaped like an identity").doesNotContain(residentId));
        assertThat(check(event(JudgeAssigned.newBuilder().setJudge("J-1").setDivision("民一庭 13812345678").build())))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("division"));
        assertThat(check(event(HearingPostponed.newBuilder().setHearingId("h-1")
                .setReason("当事人 110101199003074578 申请").build())))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Refusal.PERSONAL_DATA));
    }

    @Test
    void shouldRefuseNamesWithTitlesIdentityAndPhoneNumbersInANoteWithoutEchoingThem() {
        for (String note : List.of("张三法官休假", "因李审判长回避", "欧阳小明律师另有开庭", "证人王某出差", "被告李某某住院", "Judge Wang away",
                "联系人电话13812345678", "手机 138-1234-5678", "电话0731-22334455", "身份证11010119900307457X")) {
            assertThat(check(event(postponedWithNote(note)))).as(note).hasValueSatisfying(r -> {
                assertThat(r.reason()).isEqualTo(Refusal.PERSONAL_DATA);
                assertThat(r.field()).isEqualTo("note");
                assertThat(r.message()).doesNotContain(note);
            });
        }
        // The same rule for a division: a unit, not a person.
        assertThat(check(event(JudgeAssigned.newBuilder().setJudge("J-1").setDivision("张三法官组").build())))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("division"));
    }

    @Test
    void shouldAcceptRemarksThatNameRolesButNoPerson() {
        for (String note : List.of("被告申请重新鉴定", "原告代理律师另有开庭", "承办法官参加培训", "向法官申请延期", "双方律师均同意",
                "经院长批准", "报高院院长审批", "证人陈述需核实", "准许律师阅卷", "当事人申请回避", "2025-04-12 开庭改期",
                "案号(2025)湘0211民初1234号")) {
            assertThat(check(event(postponedWithNote(note)))).as(note).isEmpty();
        }
    }

    private static HearingPostponed postponedWithNote(String note) {
        return HearingPostponed.newBuilder().setHearingId("h-1").setReasonCode(PostponementReason.OTHER).setNote(note).build();
    }

    /**
     * Every field of every schema: none is named for personal data (names, identity numbers, contacts of parties),
     * and the free-text or person-id fields are exactly those the check covers. A new such field fails here first.
     */
    @Test
    void shouldFindNoFieldMadeForPersonalDataInTheSchemas() throws IOException {
        List<String> free = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("schemas", "src", "main", "avro"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).toList()) {
                fields(new ObjectMapper().readTree(file.toFile()), file.getFileName().toString(), free, personal);
            }
        }
        assertThat(personal).as("fields named for personal data").isEmpty();
        assertThat(free.stream().map(f -> f.substring(f.lastIndexOf('.') + 1)).distinct().sorted())
                .as("string fields that may hold free text or a person's id")
                .allMatch(PersonalDataCheck.FIELDS::contains);
        assertThat(free).anyMatch(f -> f.startsWith("CaseEvent.avsc.judge"));
    }

    private static void fields(JsonNode node, String file, List<String> free, List<String> personal) {
        if (node.isArray()) {
            node.forEach(n -> fields(n, file, free, personal));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("name") && node.has("type") && node.path("name").isTextual() && !node.path("type").asText().equals("record")) {
            String name = node.path("name").asText();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.matches(".*(personname|fullname|party|plaintiff|defendant|litigant|idnumber|idcard|phone|mobile|email"
                    + "|address|birth).*")) {
                personal.add(file + "." + name);
            }
            if (lower.equals("judge") || lower.equals("division") || lower.endsWith("reason") || lower.equals("note")) {
                if (node.path("type").toString().contains("\"string\"")) {
                    free.add(file + "." + name);
                }
            }
        }
        node.forEach(n -> fields(n, file, free, personal));
    }
}
