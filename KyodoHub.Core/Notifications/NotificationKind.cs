namespace KyodoHub.Core.Notifications;

/// <summary>What a notification (お知らせ) tells its recipient; the subject it refers to follows from the kind.</summary>
public enum NotificationKind
{
    /// <summary>An offer reached a registrant; the subject is the offer.</summary>
    OfferSent = 0,

    /// <summary>An offer was accepted, declined or expired; told to the coordinator who sent it. The subject is the offer.</summary>
    OfferAnswered = 1,

    /// <summary>Desk staff recorded a registrant's answer given by phone; told to the registrant so that a mistake is caught. The subject is the offer.</summary>
    AnswerRecorded = 2,
}

/// <summary>Who receives a notification: a registrant record, or a user account (staff) by user name.</summary>
public enum RecipientKind
{
    Registrant = 0,
    User = 1,
}

/// <summary><c>Pending → Sent</c>, or <c>Pending → Failed</c> (dead letter) after the last try or a permanent refusal.</summary>
public enum NotificationState
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}
