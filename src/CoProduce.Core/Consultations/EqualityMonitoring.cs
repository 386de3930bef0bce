namespace CoProduce.Core.Consultations;

/// <summary>
/// The built-in equality monitoring section: the protected characteristics of the Equality Act 2010
/// plus caring responsibilities, with ethnicity in the detailed 2021 Census categories (England and
/// Wales variants — never a single "BAME" box) and national identity. Every question is optional and
/// offers an exclusive "prefer not to say". There are no write-in boxes: free text about identity in
/// small groups identifies people.
/// </summary>
public static class EqualityMonitoring
{
    /// <summary>Authored section and question ids may not use this prefix.</summary>
    public const string IdPrefix = "equality";

    public const string PreferNotToSay = "prefer-not-to-say";

    public static readonly SectionId SectionId = new("equality");

    public static readonly QuestionId Age = new("equality-age");
    public static readonly QuestionId Sex = new("equality-sex");
    public static readonly QuestionId GenderIdentity = new("equality-gender-identity");
    public static readonly QuestionId SexualOrientation = new("equality-sexual-orientation");
    public static readonly QuestionId LongTermCondition = new("equality-long-term-condition");
    public static readonly QuestionId DayToDayActivities = new("equality-day-to-day-activities");
    public static readonly QuestionId NationalIdentity = new("equality-national-identity");
    public static readonly QuestionId Ethnicity = new("equality-ethnicity");
    public static readonly QuestionId Religion = new("equality-religion");
    public static readonly QuestionId PregnancyMaternity = new("equality-pregnancy-maternity");
    public static readonly QuestionId MarriageCivilPartnership = new("equality-marriage-civil-partnership");
    public static readonly QuestionId Caring = new("equality-caring");

    private static readonly ChoiceOption PreferNotToSayOption =
        new(PreferNotToSay, new("Prefer not to say", "Mae'n well gennyf beidio â dweud")) { Exclusive = true };

    private static readonly Section England = Build(Jurisdiction.England);
    private static readonly Section Wales = Build(Jurisdiction.Wales);

    /// <summary>The section for a jurisdiction (the Welsh variant orders Welsh identity first).</summary>
    public static Section Section(Jurisdiction jurisdiction) => jurisdiction == Jurisdiction.Wales ? Wales : England;

    public static bool IsReserved(string id) => id.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase);

    private static ChoiceOption O(string value, string en, string cy) => new(value, new(en, cy));

    private static Question Single(QuestionId id, LocalizedText text, LocalizedText? hint, params ChoiceOption[] options) => new()
    {
        Id = id,
        Type = QuestionType.SingleChoice,
        Text = text,
        Hint = hint,
        Options = [.. options, PreferNotToSayOption],
    };

    private static Section Build(Jurisdiction jurisdiction)
    {
        var wales = jurisdiction == Jurisdiction.Wales;
        ChoiceOption[] identities = wales
            ? [O("welsh", "Welsh", "Cymreig"), O("english", "English", "Seisnig")]
            : [O("english", "English", "Seisnig"), O("welsh", "Welsh", "Cymreig")];
        var whiteBritish = wales
            ? O("white-british", "White: Welsh, English, Scottish, Northern Irish or British", "Gwyn: Cymreig, Seisnig, Albanaidd, Gwyddelig Gogleddol neu Brydeinig")
            : O("white-british", "White: English, Welsh, Scottish, Northern Irish or British", "Gwyn: Seisnig, Cymreig, Albanaidd, Gwyddelig Gogleddol neu Brydeinig");

        return new Section
        {
            Id = SectionId,
            Title = new("About you (equality monitoring)", "Amdanoch chi (monitro cydraddoldeb)"),
            Intro = new(
                "These questions help us check that we hear from everyone and that services meet the needs of all survivors. Every question is optional, and each one has a \"Prefer not to say\" answer. Your answers are only ever reported in groups large enough that nobody can be identified.",
                "Mae'r cwestiynau hyn yn ein helpu i wneud yn siŵr ein bod yn clywed gan bawb a bod gwasanaethau'n diwallu anghenion pob goroeswr. Mae pob cwestiwn yn ddewisol, ac mae ateb \"Mae'n well gennyf beidio â dweud\" ar gyfer pob un. Dim ond mewn grwpiau sy'n ddigon mawr fel na ellir adnabod neb y caiff eich atebion eu hadrodd."),
            Questions =
            [
                Single(Age, new("What is your age?", "Beth yw eich oedran?"), null,
                    O("under-16", "Under 16", "O dan 16"),
                    O("16-17", "16 to 17", "16 i 17"),
                    O("18-24", "18 to 24", "18 i 24"),
                    O("25-34", "25 to 34", "25 i 34"),
                    O("35-44", "35 to 44", "35 i 44"),
                    O("45-54", "45 to 54", "45 i 54"),
                    O("55-64", "55 to 64", "55 i 64"),
                    O("65-74", "65 to 74", "65 i 74"),
                    O("75-plus", "75 or over", "75 neu drosodd")),
                Single(Sex, new("What is your sex?", "Beth yw eich rhyw?"), null,
                    O("female", "Female", "Benyw"),
                    O("male", "Male", "Gwryw")),
                Single(GenderIdentity,
                    new("Is the gender you identify with the same as your sex registered at birth?", "A yw'r rhywedd rydych yn uniaethu ag ef yr un fath â'r rhyw a gofrestrwyd pan gawsoch eich geni?"),
                    null,
                    O("yes", "Yes", "Ydy"),
                    O("no", "No", "Nac ydy")),
                Single(SexualOrientation,
                    new("Which of the following best describes your sexual orientation?", "Pa un o'r canlynol sy'n disgrifio eich cyfeiriadedd rhywiol orau?"),
                    null,
                    O("straight", "Straight or heterosexual", "Syth neu heterorywiol"),
                    O("gay-lesbian", "Gay or lesbian", "Hoyw neu lesbiaidd"),
                    O("bisexual", "Bisexual", "Deurywiol"),
                    O("other", "Another sexual orientation", "Cyfeiriadedd rhywiol arall")),
                Single(LongTermCondition,
                    new("Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?", "A oes gennych unrhyw gyflyrau neu salwch iechyd corfforol neu feddyliol sydd wedi para, neu y disgwylir iddynt bara, 12 mis neu fwy?"),
                    null,
                    O("yes", "Yes", "Oes"),
                    O("no", "No", "Nac oes")),
                Single(DayToDayActivities,
                    new("Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?", "A yw unrhyw un o'ch cyflyrau neu'ch salwch yn lleihau eich gallu i gyflawni gweithgareddau o ddydd i ddydd?"),
                    null,
                    O("a-lot", "Yes, a lot", "Ydy, yn fawr"),
                    O("a-little", "Yes, a little", "Ydy, ychydig"),
                    O("not-at-all", "Not at all", "Dim o gwbl")) with
                { ShowWhen = new DisplayCondition(LongTermCondition, ["yes"]) },
                new Question
                {
                    Id = NationalIdentity,
                    Type = QuestionType.MultipleChoice,
                    Text = new("How would you describe your national identity?", "Sut byddech chi'n disgrifio eich hunaniaeth genedlaethol?"),
                    Hint = new("Select all that apply.", "Dewiswch bob un sy'n berthnasol."),
                    Options =
                    [
                        .. identities,
                        O("scottish", "Scottish", "Albanaidd"),
                        O("northern-irish", "Northern Irish", "Gwyddelig Gogleddol"),
                        O("british", "British", "Prydeinig"),
                        O("other", "Another national identity", "Hunaniaeth genedlaethol arall"),
                        PreferNotToSayOption,
                    ],
                },
                Single(Ethnicity,
                    new("What is your ethnic group?", "Beth yw eich grŵp ethnig?"),
                    new("Choose the option that best describes your ethnic group or background.", "Dewiswch yr opsiwn sy'n disgrifio eich grŵp neu eich cefndir ethnig orau."),
                    O("asian-bangladeshi", "Asian, Asian British or Asian Welsh: Bangladeshi", "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Bangladeshaidd"),
                    O("asian-chinese", "Asian, Asian British or Asian Welsh: Chinese", "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Tsieineaidd"),
                    O("asian-indian", "Asian, Asian British or Asian Welsh: Indian", "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Indiaidd"),
                    O("asian-pakistani", "Asian, Asian British or Asian Welsh: Pakistani", "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Pacistanaidd"),
                    O("asian-other", "Asian, Asian British or Asian Welsh: any other Asian background", "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: unrhyw gefndir Asiaidd arall"),
                    O("black-african", "Black, Black British, Black Welsh, Caribbean or African: African", "Du, Du Prydeinig, Du Cymreig, Caribïaidd neu Affricanaidd: Affricanaidd"),
                    O("black-caribbean", "Black, Black British, Black Welsh, Caribbean or African: Caribbean", "Du, Du Prydeinig, Du Cymreig, Caribïaidd neu Affricanaidd: Caribïaidd"),
                    O("black-other", "Black, Black British, Black Welsh, Caribbean or African: any other Black, Black British or Caribbean background", "Du, Du Prydeinig, Du Cymreig, Caribïaidd neu Affricanaidd: unrhyw gefndir Du, Du Prydeinig neu Garibïaidd arall"),
                    O("mixed-white-asian", "Mixed or Multiple ethnic groups: White and Asian", "Grwpiau Cymysg neu Amlethnig: Gwyn ac Asiaidd"),
                    O("mixed-white-black-african", "Mixed or Multiple ethnic groups: White and Black African", "Grwpiau Cymysg neu Amlethnig: Gwyn a Du Affricanaidd"),
                    O("mixed-white-black-caribbean", "Mixed or Multiple ethnic groups: White and Black Caribbean", "Grwpiau Cymysg neu Amlethnig: Gwyn a Du Caribïaidd"),
                    O("mixed-other", "Mixed or Multiple ethnic groups: any other Mixed or Multiple ethnic background", "Grwpiau Cymysg neu Amlethnig: unrhyw gefndir Cymysg neu Amlethnig arall"),
                    whiteBritish,
                    O("white-irish", "White: Irish", "Gwyn: Gwyddelig"),
                    O("white-gypsy-irish-traveller", "White: Gypsy or Irish Traveller", "Gwyn: Sipsi neu Deithiwr Gwyddelig"),
                    O("white-roma", "White: Roma", "Gwyn: Roma"),
                    O("white-other", "White: any other White background", "Gwyn: unrhyw gefndir Gwyn arall"),
                    O("other-arab", "Other ethnic group: Arab", "Grŵp ethnig arall: Arabaidd"),
                    O("other-any", "Other ethnic group: any other ethnic group", "Grŵp ethnig arall: unrhyw grŵp ethnig arall")),
                Single(Religion,
                    new("What is your religion?", "Beth yw eich crefydd?"),
                    null,
                    O("none", "No religion", "Dim crefydd"),
                    O("christian", "Christian (all denominations)", "Cristnogol (pob enwad)"),
                    O("buddhist", "Buddhist", "Bwdhaidd"),
                    O("hindu", "Hindu", "Hindŵaidd"),
                    O("jewish", "Jewish", "Iddewig"),
                    O("muslim", "Muslim", "Mwslimaidd"),
                    O("sikh", "Sikh", "Sikhaidd"),
                    O("other", "Any other religion or belief", "Unrhyw grefydd neu gred arall")),
                Single(PregnancyMaternity,
                    new("Are you pregnant, or have you given birth in the last 26 weeks?", "Ydych chi'n feichiog, neu a ydych chi wedi rhoi genedigaeth yn ystod y 26 wythnos diwethaf?"),
                    null,
                    O("yes", "Yes", "Ydw"),
                    O("no", "No", "Nac ydw")),
                Single(MarriageCivilPartnership,
                    new("What is your legal marital or registered civil partnership status?", "Beth yw eich statws priodasol cyfreithiol neu eich statws partneriaeth sifil gofrestredig?"),
                    null,
                    O("never", "Never married and never registered a civil partnership", "Erioed wedi priodi nac wedi cofrestru partneriaeth sifil"),
                    O("married", "Married", "Priod"),
                    O("civil-partnership", "In a registered civil partnership", "Mewn partneriaeth sifil gofrestredig"),
                    O("separated", "Separated, but still legally married or in a civil partnership", "Wedi gwahanu, ond yn dal yn briod yn gyfreithiol neu mewn partneriaeth sifil"),
                    O("divorced-dissolved", "Divorced or civil partnership dissolved", "Wedi ysgaru neu wedi diddymu partneriaeth sifil"),
                    O("widowed", "Widowed or surviving civil partner", "Gweddw neu bartner sifil sy'n goroesi")),
                Single(Caring,
                    new("Do you look after, or give any help or support to, anyone because of long-term physical or mental health conditions, illness, disability or problems related to old age?", "Ydych chi'n gofalu am unrhyw un, neu'n rhoi unrhyw help neu gymorth iddynt, oherwydd cyflyrau iechyd corfforol neu feddyliol hirdymor, salwch, anabledd neu broblemau sy'n gysylltiedig â henaint?"),
                    new("Do not count anything you do as part of your paid work.", "Peidiwch â chyfrif unrhyw beth rydych yn ei wneud fel rhan o'ch gwaith cyflogedig."),
                    O("no", "No", "Nac ydw"),
                    O("up-to-19", "Yes, 19 hours a week or less", "Ydw, 19 awr yr wythnos neu lai"),
                    O("20-to-49", "Yes, 20 to 49 hours a week", "Ydw, 20 i 49 awr yr wythnos"),
                    O("50-plus", "Yes, 50 or more hours a week", "Ydw, 50 awr neu fwy yr wythnos")),
            ],
        };
    }
}
