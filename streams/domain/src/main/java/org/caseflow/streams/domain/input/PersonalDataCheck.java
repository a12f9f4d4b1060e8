package org.caseflow.streams.domain.input;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data minimisation at the door (docs/security.md, "Personal data"): the contract carries no person's name or
 * identity number. {@code judge} is a pseudonymous id ({@code J-0211-017}: a Latin letter first, a digit somewhere, no
 * spaces), never a name; {@code division} is an organisational unit ({@code 民一庭}); reasons are codes, and a
 * postponement's or restart's {@code note} is a short remark about the case, not about a person. None of these fields
 * may hold something shaped like an identity card, phone or bank card number (a run of eleven digits or more, an
 * 18-character resident id ending in X, a mobile number written in groups) or a person's name with a title
 * ({@code 张三法官}, {@code 证人李某}, {@code Judge Wang}). Values are never echoed in the refusal: the refusal goes to
 * logs, dead-letter headers and the CLI's output.
 */
final class PersonalDataCheck {
    /** Payload fields a producer fills with free text or an id of a person. */
    static final Set<String> FIELDS = Set.of("judge", "division", "reason", "note");
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z][\\p{L}\\p{N}._:-]{1,63}");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{11,}|\\d{17}[Xx]"
            // mobile numbers in groups (138-1234-5678, 138 1234 5678) and landlines with an area code (0731-22334455)
            + "|(?<!\\d)1[3-9]\\d[ -]\\d{4}[ -]\\d{4}(?!\\d)|(?<!\\d)0\\d{2,3}-\\d{7,8}(?!\\d)");
    /**
     * Common surnames, less those far more often a word of a court's remark than a name before a title: 于, 向, 方
     * (向法官申请, 双方律师), 任, 何, 余 (新任法官, 任何律师, 其余律师), 许, 付, 万 (准许律师, 支付律师费, 万元律师费).
     */
    private static final String SURNAME = "(?:欧阳|司马|上官|诸葛|司徒|[王李张刘陈杨黄赵吴周徐孙马朱胡郭高林罗郑梁谢宋唐韩冯邓曹彭曾"
            + "肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱"
            + "严覃武戴莫孔汤])";
    /** Titles a name goes before in a court's remark. */
    private static final String TITLE = "(?:法官助理|法官|审判长|审判员|陪审员|书记员|庭长|院长|检察官|检察员|律师|先生|女士|警官)";
    /** Roles a name goes after, in the half-anonymised form 证人王某 that still points at one person. */
    private static final String ROLE = "(?:法官|审判长|审判员|书记员|律师|检察官|证人|鉴定人|原告|被告人|被告|上诉人|申请人|当事人|"
            + "代理人|被执行人)";
    /**
     * A name with a title after it (张三法官, 李审判长: a surname, at most two more characters that are not part of a
     * court's name, then the title), a role before a half-anonymised name (证人王某, 被告李某某), or Judge Wang, Mr. Li.
     * A heuristic, tuned to refuse names rather than remarks (PersonalDataCheckTest has both).
     */
    private static final Pattern NAME_WITH_TITLE = Pattern.compile(SURNAME + "[\\p{IsHan}&&[^院庭法级审]]{0,2}" + TITLE
            + "|" + ROLE + SURNAME + "\\p{IsHan}?某"
            + "|\\b(?:Mr|Mrs|Ms|Miss|Dr|Judge|Justice|Counsel|Lawyer|Witness)\\.?\\s+[A-Z][a-z]+");

    private PersonalDataCheck() {
    }

    static Refusal check(String field, String text) {
        if (!FIELDS.contains(field)) {
            return null;
        }
        if (ID_NUMBER.matcher(text).find()) {
            return new Refusal(Refusal.PERSONAL_DATA, field, "holds a number shaped like an identity, phone or bank card"
                    + " number (" + text.length() + " characters, not shown); the contract carries no personal data");
        }
        if (!field.equals("judge") && NAME_WITH_TITLE.matcher(text).find()) {
            return new Refusal(Refusal.PERSONAL_DATA, field, "looks like a person's name with a title or role ("
                    + text.length() + " characters, not shown); the contract carries no personal data");
        }
        if (field.equals("judge") && !(PSEUDONYM.matcher(text).matches() && DIGIT.matcher(text).find())) {
            return new Refusal(Refusal.PERSONAL_DATA, field, "must be a pseudonymous judge id such as J-0211-017 (a Latin"
                    + " letter first, a digit, no spaces), not a name (" + text.length() + " characters, not shown)");
        }
        return null;
    }
}
