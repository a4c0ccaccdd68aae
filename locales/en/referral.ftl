# Referrals (bot/storage/referrals.py, handlers/customer/referral.py)
menu-referral = 🤝 Invite friends
cmd-referral = Your referral link and what it earned
help-referral = /referral — your referral link and what it earned
referral =
    <b>Your referral link</b>
    { $link }
    Share it: whenever a customer who joined through it tops up, { $percent }% of the top-up goes on your balance.
    Joined through your link: { $joined }
    Earned: { $earned }
referral-off = We have no referral program right now.
referral-credited = 🤝 Referral bonus: +{ $amount } on your balance, your share of a top-up by a customer you invited. Balance: { $balance }
referral-taken-back = ↩️ A top-up by a customer you invited was refunded, so its referral bonus of { $amount } was taken back. Balance: { $balance }

# To admins
admin-user-referral = Referred by: { $referrer }. Customers they referred: { $joined }, earning { $earned }
admin-reason-referral = referral bonus
admin-reason-referral-back = referral bonus taken back
alert-referral-kept = ⚠️ Top-up #{ $id } of customer { $customer } was refunded, but referrer { $referrer } no longer holds its referral bonus of { $amount } (balance { $balance }), so it stayed with them. Settle it with them, with /debit if need be.
