namespace Platform.Core.Organisations;

public static class OrganisationTypes
{
    public static readonly IReadOnlyList<OrganisationType> BuiltIn =
    [
        new("district-swc", "地区社会福祉協議会", true),
        new("city-swc", "市町村社会福祉協議会", true),
        new("prefecture-swc", "都道府県社会福祉協議会", true),
        new("neighbourhood-association", "町会・町内会・行政区", true),
        new("welfare-commissioners", "民生委員児童委員協議会", true),
        new("community-support-centre", "地域包括支援センター", true),
        new("child-rearing-support-centre", "地域子育て支援センター", true),
        new("disability-consultation-office", "相談支援事業所", true),
        new("social-welfare-corporation", "社会福祉法人", true),
        new("nursing-home", "特別養護老人ホーム・老人保健施設", true),
        new("care-management-office", "居宅介護支援事業所", true),
        new("seniors-club", "老人クラブ", true),
        new("disability-group", "障がい者団体", true),
        new("pta", "PTA", true),
        new("crime-prevention", "防犯団体", true),
        new("medical-institution", "医療機関", true),
        new("bank", "金融機関", true),
        new("post-office", "郵便局", true),
        new("police-box", "交番", true),
        new("government", "行政", true),
        new("school", "大学・学校", true),
        new("volunteer-group", "ボランティア団体・NPO", true),
        new("other", "その他", true),
    ];
}
